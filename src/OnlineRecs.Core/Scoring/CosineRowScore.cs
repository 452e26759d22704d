using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace OnlineRecs.Core.Scoring;

/// <summary>Scores rows by the cosine between the query and p_i, ignoring biases; zero vectors score 0.</summary>
internal readonly ref struct CosineRowScore : IRowScore
{
    private readonly ItemVectors _vectors;
    private readonly ReadOnlySpan<float> _query;
    private readonly float _queryNorm;
    private readonly Vector256<float> _queryScale;
    private readonly Vector256<float> _queryNormBound;
    private readonly Vector256<float> _queryResidualNorm;
    private readonly Vector256<float> _inverseQueryNorm;
    private readonly Vector256<float> _slack;

    public CosineRowScore(ItemVectors vectors, ReadOnlySpan<float> query, Int8Query quantized)
    {
        _vectors = vectors;
        _query = query;
        _queryNorm = TensorPrimitives.Norm(query);
        _queryScale = Vector256.Create(quantized.Scale);
        _queryNormBound = Vector256.Create(quantized.Norm);
        _queryResidualNorm = Vector256.Create(quantized.ResidualNorm);
        _inverseQueryNorm = Vector256.Create(_queryNorm > 0 ? 1f / _queryNorm : 0f);
        _slack = Vector256.Create(vectors.Codes.CosineSlack);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> UpperBound(Vector256<float> codeDots, int blockStart)
    {
        var codes = _vectors.Codes;
        var dotSlack = Vector256.FusedMultiplyAdd(
            Int8ItemCodes.LoadBlock(codes.NormWeights, blockStart), _queryNormBound,
            Int8ItemCodes.LoadBlock(codes.ResidualWeights, blockStart) * _queryResidualNorm);
        var dotBound = Vector256.FusedMultiplyAdd(codeDots, Int8ItemCodes.LoadBlock(codes.Scales, blockStart) * _queryScale, dotSlack);
        return Vector256.FusedMultiplyAdd(dotBound, Int8ItemCodes.LoadBlock(codes.InverseNorms, blockStart) * _inverseQueryNorm, _slack);
    }

    public float Exact(int item) => _vectors.CosineUnchecked(_query, _queryNorm, item);
}
