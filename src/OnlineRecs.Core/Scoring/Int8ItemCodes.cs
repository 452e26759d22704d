using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace OnlineRecs.Core.Scoring;

/// <summary>
/// An int8 copy of the item vectors, laid out for a VNNI scan, with per-row coefficients that bound how far
/// the int8 estimate of a score can fall below the exact float32 score. Rows are updated one at a time in O(d).
/// </summary>
/// <remarks>
/// Row i is stored as codes c_ij = round(p_ij / s_i) + 128 with s_i = max_j |p_ij| / 127. Items come in blocks of
/// <see cref="BlockItems"/>; inside a block, each group of four dimensions holds the four code bytes of every
/// item side by side, so one 256-bit multiply-add scores four dimensions of all eight items.
/// </remarks>
internal sealed class Int8ItemCodes
{
    public const int BlockItems = 8;
    public const int GroupDimensions = 4;
    public const int GroupBytes = BlockItems * GroupDimensions;

    /// <summary>Code of a zero component: codes are unsigned bytes offset by 128.</summary>
    public const byte ZeroCode = 128;

    private readonly int _dimensions;

    // A multiple of every floating-point rounding the float32 score and the estimate can suffer, relative to
    // |q|·|p_i| and |b_i|: a dot product of d terms loses at most about d units of 2^-24; this allows four times that.
    private readonly double _roundingSlack;

    public Int8ItemCodes(int dimensions, int capacity)
    {
        _dimensions = dimensions;
        Groups = (dimensions + GroupDimensions - 1) / GroupDimensions;
        _roundingSlack = (dimensions + 16) * Math.ScaleB(1.0, -22);
        Codes = [];
        Scales = NormWeights = ResidualWeights = UpperBiases = InverseNorms = [];
        Grow(capacity);
    }

    /// <summary>Four-dimension groups per row, the row length rounded up to a multiple of four.</summary>
    public int Groups { get; }

    public int BlockBytes => Groups * GroupBytes;

    /// <summary>Code bytes, block after block.</summary>
    public byte[] Codes { get; private set; }

    /// <summary>s_i: the value of one code step in row i.</summary>
    public float[] Scales { get; private set; }

    /// <summary>Multiplies |q|: bounds the quantization error of the row plus the rounding of the float32 dot product.</summary>
    public float[] NormWeights { get; private set; }

    /// <summary>Multiplies the quantization error norm of the query: s_i·|codes_i - 128|.</summary>
    public float[] ResidualWeights { get; private set; }

    /// <summary>b_i raised by its rounding slack.</summary>
    public float[] UpperBiases { get; private set; }

    /// <summary>1 / |p_i| from the stored float32 norm, 0 for a zero row.</summary>
    public float[] InverseNorms { get; private set; }

    /// <summary>Rows the arrays hold: a multiple of <see cref="BlockItems"/>.</summary>
    public int Capacity => Scales.Length;

    /// <summary>Grows to at least <paramref name="capacity"/> rows; new rows are zero vectors with zero bias.</summary>
    public void Grow(int capacity)
    {
        capacity = (capacity + BlockItems - 1) / BlockItems * BlockItems;
        if (capacity <= Capacity) return;
        var codes = new byte[capacity / BlockItems * BlockBytes];
        Array.Fill(codes, ZeroCode);
        Codes.CopyTo(codes, 0);
        Codes = codes;
        Scales = Resized(Scales, capacity);
        NormWeights = Resized(NormWeights, capacity);
        ResidualWeights = Resized(ResidualWeights, capacity);
        UpperBiases = Resized(UpperBiases, capacity);
        InverseNorms = Resized(InverseNorms, capacity);
    }

    /// <summary>Re-encodes row <paramref name="item"/>; <paramref name="norm"/> is the stored float32 norm of the row.</summary>
    public void Update(int item, ReadOnlySpan<float> row, float bias, float norm)
    {
        var maxMagnitude = 0f;
        foreach (var value in row) maxMagnitude = Math.Max(maxMagnitude, Math.Abs(value));
        var scale = maxMagnitude / 127f;

        var rowStart = RowStart(item);
        double residualSquares = 0, codeSquares = 0, squares = 0;
        for (var j = 0; j < row.Length; j++)
        {
            var code = scale > 0 ? Math.Clamp((int)MathF.Round(row[j] / scale), -127, 127) : 0;
            Codes[rowStart + j / GroupDimensions * GroupBytes + j % GroupDimensions] = (byte)(code + ZeroCode);
            var residual = row[j] - (double)scale * code;
            residualSquares += residual * residual;
            codeSquares += (double)code * code;
            squares += (double)row[j] * row[j];
        }

        Scales[item] = scale;
        NormWeights[item] = (float)(Math.Sqrt(residualSquares) + _roundingSlack * Math.Sqrt(squares));
        ResidualWeights[item] = (float)(scale * Math.Sqrt(codeSquares));
        UpperBiases[item] = (float)(bias + _roundingSlack * Math.Abs(bias));
        InverseNorms[item] = norm > 0 ? 1f / norm : 0f;
    }

    /// <summary>Makes row <paramref name="item"/> what it is in <paramref name="source"/>, a store of the same dimensions, without encoding it again.</summary>
    public void CopyRow(Int8ItemCodes source, int item)
    {
        var rowStart = RowStart(item);
        for (var group = 0; group < Groups; group++)
        {
            var at = rowStart + group * GroupBytes;
            source.Codes.AsSpan(at, GroupDimensions).CopyTo(Codes.AsSpan(at, GroupDimensions));
        }
        Scales[item] = source.Scales[item];
        NormWeights[item] = source.NormWeights[item];
        ResidualWeights[item] = source.ResidualWeights[item];
        UpperBiases[item] = source.UpperBiases[item];
        InverseNorms[item] = source.InverseNorms[item];
    }

    /// <summary>Where row <paramref name="item"/>'s first four codes are: its block, then its place among the block's items.</summary>
    private int RowStart(int item) => item / BlockItems * BlockBytes + item % BlockItems * GroupDimensions;

    /// <summary>
    /// Slack added to an upper bound on a cosine: the roundings of the float32 cosine and of the bound's own
    /// division, relative to a bound ratio that is at most about 2 + √d / 127.
    /// </summary>
    public float CosineSlack => (float)(16 * Math.ScaleB(1.0, -24) * (3 + Math.Sqrt(_dimensions)));

    /// <summary>The eight per-row coefficients of the block starting at <paramref name="blockStart"/>; arrays hold whole blocks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> LoadBlock(float[] coefficients, int blockStart) =>
        Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(coefficients), (nuint)blockStart);

    private static float[] Resized(float[] values, int capacity)
    {
        var resized = new float[capacity];
        values.CopyTo(resized, 0);
        return resized;
    }
}
