namespace OnlineRecs.Core.Scoring;

/// <summary>
/// A query quantized like the item rows: q ≈ <see cref="Scale"/>·codes, with the codes packed four to an int
/// to broadcast against one dimension group of a block.
/// </summary>
/// <param name="Scale">s_q, the value of one code step.</param>
/// <param name="Norm">|q|.</param>
/// <param name="ResidualNorm">|q - s_q·codes|, the quantization error.</param>
/// <param name="Offset">128·Σ codes: what the +128 offset of the item codes adds to every integer dot product.</param>
internal readonly record struct Int8Query(float Scale, float Norm, float ResidualNorm, int Offset)
{
    /// <summary>Quantizes <paramref name="query"/>, writing its packed codes to <paramref name="packedGroups"/>.</summary>
    public static Int8Query Quantize(ReadOnlySpan<float> query, Span<int> packedGroups)
    {
        var maxMagnitude = 0f;
        foreach (var value in query) maxMagnitude = Math.Max(maxMagnitude, Math.Abs(value));
        var scale = maxMagnitude / 127f;

        packedGroups.Clear();
        double residualSquares = 0, squares = 0;
        var codeSum = 0;
        for (var j = 0; j < query.Length; j++)
        {
            var code = scale > 0 ? Math.Clamp((int)MathF.Round(query[j] / scale), -127, 127) : 0;
            packedGroups[j / Int8ItemCodes.GroupDimensions] |= (code & 0xFF) << (8 * (j % Int8ItemCodes.GroupDimensions));
            codeSum += code;
            var residual = query[j] - (double)scale * code;
            residualSquares += residual * residual;
            squares += (double)query[j] * query[j];
        }

        return new Int8Query(scale, (float)Math.Sqrt(squares), (float)Math.Sqrt(residualSquares), Int8ItemCodes.ZeroCode * codeSum);
    }
}
