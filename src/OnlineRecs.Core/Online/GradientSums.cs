namespace OnlineRecs.Core.Online;

/// <summary>
/// Gradients gathered for parameters that someone else owns, summed per key along with their squares,
/// so that the owner takes one <see cref="Hybrid.AdaGrad.StepSummed"/> per batch instead of a call per step.
/// Keys keep the order they first arrived in, which keeps the sums' floating-point order repeatable.
/// </summary>
public sealed class GradientSums<TKey>(int factors, int capacity = 16) where TKey : notnull
{
    private readonly Dictionary<TKey, int> _slots = new(capacity);
    private readonly List<TKey> _keys = new(capacity);
    private float[] _gradients = new float[factors * capacity];
    private float[] _squares = new float[factors * capacity];
    private float[] _biases = new float[capacity];
    private float[] _biasSquares = new float[capacity];

    public int Factors => factors;

    public int Count => _keys.Count;

    public IReadOnlyList<TKey> Keys => _keys;

    /// <summary>Adds the gradient <paramref name="scale"/> · <paramref name="direction"/> and the bias gradient for <paramref name="key"/>.</summary>
    public void Add(TKey key, float scale, ReadOnlySpan<float> direction, float biasGradient)
    {
        var slot = SlotOf(key);
        var g = _gradients.AsSpan(slot * factors, factors);
        var g2 = _squares.AsSpan(slot * factors, factors);
        for (var c = 0; c < factors; c++)
        {
            var x = scale * direction[c];
            g[c] += x;
            g2[c] += x * x;
        }
        _biases[slot] += biasGradient;
        _biasSquares[slot] += biasGradient * biasGradient;
    }

    /// <summary>Adds sums gathered elsewhere, each scaled by <paramref name="weight"/> (squares by its square).</summary>
    public void AddSums(TKey key, float weight, ReadOnlySpan<float> gradient, ReadOnlySpan<float> squares, float bias, float biasSquares)
    {
        var slot = SlotOf(key);
        var g = _gradients.AsSpan(slot * factors, factors);
        var g2 = _squares.AsSpan(slot * factors, factors);
        var w2 = weight * weight;
        for (var c = 0; c < factors; c++)
        {
            g[c] += weight * gradient[c];
            g2[c] += w2 * squares[c];
        }
        _biases[slot] += weight * bias;
        _biasSquares[slot] += w2 * biasSquares;
    }

    /// <summary>Forgets every key and its sums, keeping the storage.</summary>
    public void Clear()
    {
        Array.Clear(_gradients, 0, _keys.Count * factors);
        Array.Clear(_squares, 0, _keys.Count * factors);
        Array.Clear(_biases, 0, _keys.Count);
        Array.Clear(_biasSquares, 0, _keys.Count);
        _slots.Clear();
        _keys.Clear();
    }

    public ReadOnlySpan<float> Gradient(int slot) => _gradients.AsSpan(slot * factors, factors);

    public ReadOnlySpan<float> Squares(int slot) => _squares.AsSpan(slot * factors, factors);

    public float Bias(int slot) => _biases[slot];

    public float BiasSquares(int slot) => _biasSquares[slot];

    /// <summary>
    /// The sums' own arrays, in key order, gradients and squares row-major; only the first <see cref="Count"/> rows
    /// are used. Handed over without a copy (they are most of what learning allocates), so the sums must not be
    /// added to afterwards.
    /// </summary>
    public (float[] Gradients, float[] Squares, float[] Biases, float[] BiasSquares) HandOver() =>
        (_gradients, _squares, _biases, _biasSquares);

    private int SlotOf(TKey key)
    {
        if (_slots.TryGetValue(key, out var slot)) return slot;
        slot = _keys.Count;
        _keys.Add(key);
        _slots[key] = slot;
        if (slot == _biases.Length)
        {
            Array.Resize(ref _gradients, _gradients.Length * 2);
            Array.Resize(ref _squares, _squares.Length * 2);
            Array.Resize(ref _biases, _biases.Length * 2);
            Array.Resize(ref _biasSquares, _biasSquares.Length * 2);
        }
        return slot;
    }
}
