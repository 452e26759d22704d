using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace OnlineRecs.Core.Scoring;

/// <summary>Scores rows by q·p_i + b_i.</summary>
internal readonly ref struct DotRowScore : IRowScore
{
    private readonly ItemVectors _vectors;
    private readonly ReadOnlySpan<float> _query;
    private readonly Vector256<float> _queryScale;
    private readonly Vector256<float> _queryNorm;
    private readonly Vector256<float> _queryResidualNorm;

    public DotRowScore(ItemVectors vectors, ReadOnlySpan<float> query, Int8Query quantized)
    {
        _vectors = vectors;
        _query = query;
        _queryScale = Vector256.Create(quantized.Scale);
        _queryNorm = Vector256.Create(quantized.Norm);
        _queryResidualNorm = Vector256.Create(quantized.ResidualNorm);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> UpperBound(Vector256<float> codeDots, int blockStart)
    {
        var codes = _vectors.Codes;
        var slack = Vector256.FusedMultiplyAdd(Int8ItemCodes.LoadBlock(codes.ResidualWeights, blockStart), _queryResidualNorm, Int8ItemCodes.LoadBlock(codes.UpperBiases, blockStart));
        slack = Vector256.FusedMultiplyAdd(Int8ItemCodes.LoadBlock(codes.NormWeights, blockStart), _queryNorm, slack);
        return Vector256.FusedMultiplyAdd(codeDots, Int8ItemCodes.LoadBlock(codes.Scales, blockStart) * _queryScale, slack);
    }

    public float Exact(int item) => _vectors.ScoreUnchecked(_query, item);
}
