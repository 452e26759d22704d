using System.Numerics.Tensors;

namespace OnlineRecs.Core.Scoring;

/// <summary>
/// A mutable store of vectors p_i (row-major float32) with biases b_i, for items or users. Changing a row costs
/// O(d): its norm and its int8 scan codes are refreshed, nothing global is rebuilt. Not safe for concurrent writes.
/// </summary>
public sealed partial class ItemVectors
{
    /// <summary>The longest supported row: longer rows could overflow the 32-bit integer sums of the int8 scan.</summary>
    public const int MaxDimensions = 65_536;

    private const int MinimumCapacity = 8;

    private float[] _values;
    private float[] _biases;
    private float[] _norms;

    /// <summary>Creates an empty store of <paramref name="dimensions"/>-dimensional rows (0 for bias-only scoring).</summary>
    public ItemVectors(int dimensions, int capacity = MinimumCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dimensions);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimensions, MaxDimensions);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Dimensions = dimensions;
        capacity = Math.Max(capacity, MinimumCapacity);
        _values = new float[capacity * dimensions];
        _biases = new float[capacity];
        _norms = new float[capacity];
        Codes = new Int8ItemCodes(dimensions, capacity);
    }

    /// <summary>
    /// Creates a store holding a copy of <paramref name="rowMajor"/> (<c>biases.Length</c> rows of
    /// <paramref name="dimensions"/> floats each) and <paramref name="biases"/>.
    /// </summary>
    public ItemVectors(int dimensions, ReadOnlySpan<float> rowMajor, ReadOnlySpan<float> biases)
        : this(dimensions, biases.Length)
    {
        if (rowMajor.Length != biases.Length * dimensions)
            throw new ArgumentException($"{biases.Length} rows of {dimensions} dimensions need {biases.Length * dimensions} values, not {rowMajor.Length}.", nameof(rowMajor));
        for (var item = 0; item < biases.Length; item++) Set(item, rowMajor.Slice(item * dimensions, dimensions), biases[item]);
    }

    /// <summary>Creates a store from row-major vectors with zero biases, as ALS factors have.</summary>
    public static ItemVectors FromRows(int dimensions, ReadOnlySpan<float> rowMajor)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        if (rowMajor.Length % dimensions != 0)
            throw new ArgumentException($"{rowMajor.Length} values do not split into rows of {dimensions}.", nameof(rowMajor));
        return new ItemVectors(dimensions, rowMajor, new float[rowMajor.Length / dimensions]);
    }

    /// <summary>Number of rows; rows are indexed 0 .. Count - 1.</summary>
    public int Count { get; private set; }

    /// <summary>Length d of every row.</summary>
    public int Dimensions { get; }

    /// <summary>Rows held before the storage grows again (it doubles).</summary>
    public int Capacity => _biases.Length;

    internal Int8ItemCodes Codes { get; }

    /// <summary>The vector p_i of row <paramref name="item"/>.</summary>
    public ReadOnlySpan<float> Row(int item)
    {
        CheckItem(item);
        return _values.AsSpan(item * Dimensions, Dimensions);
    }

    /// <summary>The bias b_i of row <paramref name="item"/>.</summary>
    public float Bias(int item)
    {
        CheckItem(item);
        return _biases[item];
    }

    /// <summary>The biases of all rows.</summary>
    public ReadOnlySpan<float> Biases => _biases.AsSpan(0, Count);

    /// <summary>The Euclidean norm |p_i| of row <paramref name="item"/>.</summary>
    public float Norm(int item)
    {
        CheckItem(item);
        return _norms[item];
    }

    /// <summary>
    /// Writes row <paramref name="item"/>; an index at or past <see cref="Count"/> grows the store, and rows
    /// skipped over become zero vectors with zero bias.
    /// </summary>
    public void Set(int item, ReadOnlySpan<float> vector, float bias)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(item);
        CheckLength(vector, nameof(vector));
        GrowTo(item);

        var row = _values.AsSpan(item * Dimensions, Dimensions);
        vector.CopyTo(row);
        _biases[item] = bias;
        _norms[item] = TensorPrimitives.Norm(row);
        Codes.Update(item, row, bias, _norms[item]);
    }

    /// <summary>
    /// Makes row <paramref name="item"/> a copy of the same row of <paramref name="source"/>, its scan codes included, as
    /// <see cref="Set"/> would with that row's vector and bias but without encoding it again.
    /// </summary>
    public void CopyRow(ItemVectors source, int item)
    {
        source.CheckItem(item);
        if (source.Dimensions != Dimensions)
            throw new ArgumentException($"Expected a store of {Dimensions} dimensions, got {source.Dimensions}.", nameof(source));
        GrowTo(item);

        source.Row(item).CopyTo(_values.AsSpan(item * Dimensions, Dimensions));
        _biases[item] = source._biases[item];
        _norms[item] = source._norms[item];
        Codes.CopyRow(source.Codes, item);
    }

    /// <summary>Appends a row and returns its index.</summary>
    public int Add(ReadOnlySpan<float> vector, float bias = 0f)
    {
        var item = Count;
        Set(item, vector, bias);
        return item;
    }

    /// <summary>Makes <see cref="Count"/> reach past row <paramref name="item"/>; rows skipped over stay zero.</summary>
    private void GrowTo(int item)
    {
        if (item < Count) return;
        EnsureCapacity(item + 1);
        Count = item + 1;
    }

    private void EnsureCapacity(int required)
    {
        if (required <= Capacity) return;
        var capacity = (long)Capacity;
        while (capacity < required) capacity *= 2;
        capacity = Math.Min(capacity, Array.MaxLength / Math.Max(Dimensions, 1));
        Array.Resize(ref _values, (int)capacity * Dimensions);
        Array.Resize(ref _biases, (int)capacity);
        Array.Resize(ref _norms, (int)capacity);
        Codes.Grow((int)capacity);
    }

    private void CheckItem(int item)
    {
        if ((uint)item >= (uint)Count)
            throw new ArgumentOutOfRangeException(nameof(item), item, $"Row {item} does not exist; there are {Count} rows.");
    }

    private void CheckLength(ReadOnlySpan<float> vector, string name)
    {
        if (vector.Length != Dimensions)
            throw new ArgumentException($"Expected a vector of {Dimensions} dimensions, got {vector.Length}.", name);
    }
}
