using System.Buffers;
using System.Numerics;

namespace OnlineRecs.Core.Online;

/// <summary>
/// Gradients gathered for parameters that someone else owns, summed per key along with their squares,
/// so that the owner takes one <see cref="Hybrid.AdaGrad.StepSummed"/> per batch instead of a call per step.
/// Keys keep the order they first arrived in, which keeps the sums' floating-point order repeatable.
/// The working rows are rented from the shared array pool and go back on <see cref="Dispose"/>: growing them was
/// most of what online learning allocated, and every collection it set off paused ingest and queries alike.
/// </summary>
public sealed class GradientSums<TKey> : IDisposable where TKey : notnull
{
    private readonly int _factors;
    private readonly Dictionary<TKey, int> _slots;
    private readonly List<TKey> _keys;
    private int _capacity;
    private float[] _gradients;
    private float[] _squares;
    private float[] _biases;
    private float[] _biasSquares;

    private bool _disposed;

    /// <summary>
    /// Empty sums with rows for <paramref name="capacity"/> keys before they grow; none rents no rows. A row is touched
    /// only once a key takes it, so room to spare costs the pool space, not time, where growing copies every row so far.
    /// </summary>
    public GradientSums(int factors, int capacity = 16)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(factors);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _factors = factors;
        _capacity = capacity;
        _slots = new Dictionary<TKey, int>(Math.Min(capacity, 16));
        _keys = new List<TKey>(Math.Min(capacity, 16));
        _gradients = Rent(factors * _capacity);
        _squares = Rent(factors * _capacity);
        _biases = Rent(_capacity);
        _biasSquares = Rent(_capacity);
    }

    public int Factors => _factors;

    public int Count => _keys.Count;

    public IReadOnlyList<TKey> Keys => _keys;

    /// <summary>Adds the gradient <paramref name="scale"/> · <paramref name="direction"/> and the bias gradient for <paramref name="key"/>.</summary>
    public void Add(TKey key, float scale, ReadOnlySpan<float> direction, float biasGradient)
    {
        var slot = SlotOf(key);
        var g = _gradients.AsSpan(slot * _factors, _factors);
        var g2 = _squares.AsSpan(slot * _factors, _factors);
        // Lane by lane the same operations as the scalar tail, so the sums do not depend on the vector width.
        var c = 0;
        for (; c <= _factors - Vector<float>.Count; c += Vector<float>.Count)
        {
            var x = new Vector<float>(direction[c..]) * scale;
            (new Vector<float>(g[c..]) + x).CopyTo(g[c..]);
            (new Vector<float>(g2[c..]) + x * x).CopyTo(g2[c..]);
        }
        for (; c < _factors; c++)
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
        var g = _gradients.AsSpan(slot * _factors, _factors);
        var g2 = _squares.AsSpan(slot * _factors, _factors);
        var w2 = weight * weight;
        var c = 0;
        for (; c <= _factors - Vector<float>.Count; c += Vector<float>.Count)
        {
            (new Vector<float>(g[c..]) + new Vector<float>(gradient[c..]) * weight).CopyTo(g[c..]);
            (new Vector<float>(g2[c..]) + new Vector<float>(squares[c..]) * w2).CopyTo(g2[c..]);
        }
        for (; c < _factors; c++)
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
        _slots.Clear();
        _keys.Clear();
    }

    public ReadOnlySpan<float> Gradient(int slot) => _gradients.AsSpan(slot * _factors, _factors);

    public ReadOnlySpan<float> Squares(int slot) => _squares.AsSpan(slot * _factors, _factors);

    /// <summary>The slot's gradient row itself, valid until these sums change or are disposed.</summary>
    public ReadOnlyMemory<float> GradientRow(int slot) => _gradients.AsMemory(slot * _factors, _factors);

    /// <summary>The slot's squares row itself, valid until these sums change or are disposed.</summary>
    public ReadOnlyMemory<float> SquaresRow(int slot) => _squares.AsMemory(slot * _factors, _factors);

    public float Bias(int slot) => _biases[slot];

    public float BiasSquares(int slot) => _biasSquares[slot];

    /// <summary>A copy of the sums, in key order, gradients and squares row-major, exactly <see cref="Count"/> rows.</summary>
    public (float[] Gradients, float[] Squares, float[] Biases, float[] BiasSquares) Copy()
    {
        var (rows, values) = (_keys.Count, _keys.Count * _factors);
        return (_gradients[..values], _squares[..values], _biases[..rows], _biasSquares[..rows]);
    }

    /// <summary>The sums that a <see cref="Copy"/> of <paramref name="keys"/>' rows describes, bit for bit, in pooled rows.</summary>
    public static GradientSums<TKey> Of(int factors, IReadOnlyList<TKey> keys, float[] gradients, float[] squares, float[] biases,
        float[] biasSquares)
    {
        if (gradients.Length != keys.Count * factors || squares.Length != gradients.Length || biases.Length != keys.Count
            || biasSquares.Length != keys.Count)
            throw new ArgumentException($"Rows for {keys.Count} keys of {factors} factors do not match the arrays' lengths.");
        var sums = new GradientSums<TKey>(factors, keys.Count);
        for (var n = 0; n < keys.Count; n++)
            sums.AddSums(keys[n], 1f, gradients.AsSpan(n * factors, factors), squares.AsSpan(n * factors, factors), biases[n], biasSquares[n]);
        return sums;
    }

    /// <summary>Adds every key's sums into <paramref name="into"/>, in key order.</summary>
    public void AddTo(GradientSums<TKey> into)
    {
        for (var slot = 0; slot < _keys.Count; slot++)
            into.AddSums(_keys[slot], 1f, Gradient(slot), Squares(slot), _biases[slot], _biasSquares[slot]);
    }

    /// <summary>Returns the rows to the pool; the sums must not be used afterwards.</summary>
    public void Dispose()
    {
        Return(_gradients);
        Return(_squares);
        Return(_biases);
        Return(_biasSquares);
        (_gradients, _squares, _biases, _biasSquares, _capacity, _disposed) = ([], [], [], [], 0, true);
        _slots.Clear();
        _keys.Clear();
    }

    private int SlotOf(TKey key)
    {
        if (_slots.TryGetValue(key, out var slot)) return slot;
        slot = _keys.Count;
        if (slot == _capacity) Grow();
        _keys.Add(key);
        _slots[key] = slot;
        // Pooled rows hold whatever their last user left.
        _gradients.AsSpan(slot * _factors, _factors).Clear();
        _squares.AsSpan(slot * _factors, _factors).Clear();
        _biases[slot] = 0f;
        _biasSquares[slot] = 0f;
        return slot;
    }

    private void Grow()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var used = _keys.Count;
        _capacity = Math.Max(4, _capacity * 2);
        _gradients = Regrown(_gradients, used * _factors, _capacity * _factors);
        _squares = Regrown(_squares, used * _factors, _capacity * _factors);
        _biases = Regrown(_biases, used, _capacity);
        _biasSquares = Regrown(_biasSquares, used, _capacity);
    }

    private static float[] Regrown(float[] rows, int used, int length)
    {
        var grown = Rent(length);
        rows.AsSpan(0, used).CopyTo(grown);
        Return(rows);
        return grown;
    }

    private static float[] Rent(int length) => ArrayPool<float>.Shared.Rent(length);

    private static void Return(float[] rows)
    {
        if (rows.Length > 0) ArrayPool<float>.Shared.Return(rows);
    }
}
