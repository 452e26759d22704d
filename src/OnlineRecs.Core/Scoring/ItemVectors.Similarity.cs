using System.Numerics.Tensors;

namespace OnlineRecs.Core.Scoring;

public sealed partial class ItemVectors
{
    /// <summary>The cosine between <paramref name="vector"/> and row <paramref name="item"/>, exactly as <see cref="CosineTopK"/> ranks it; 0 if either is zero.</summary>
    public float Cosine(ReadOnlySpan<float> vector, int item)
    {
        CheckLength(vector, nameof(vector));
        CheckItem(item);
        return CosineUnchecked(vector, TensorPrimitives.Norm(vector), item);
    }

    /// <summary>
    /// The <paramref name="k"/> rows most similar to row <paramref name="item"/> by cosine, best first, ties broken by
    /// the lower index; the row itself, rows in <paramref name="exclude"/> and rows outside <paramref name="filter"/> are skipped.
    /// </summary>
    public ScoredItem[] SimilarItems(int item, int k, ItemExclusion? exclude = null, ItemFilter? filter = null)
    {
        CheckItem(item);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        return CosineSearch(Row(item), k, new ScanMask(exclude, filter, item), Int8CandidateScan.IsSupported);
    }

    /// <summary>
    /// The <paramref name="k"/> rows with the highest cosine to <paramref name="vector"/> (biases ignored, zero vectors
    /// score 0), best first, ties broken by the lower index. Over a store of user vectors this finds similar users.
    /// </summary>
    public ScoredItem[] CosineTopK(ReadOnlySpan<float> vector, int k, ItemExclusion? exclude = null, ItemFilter? filter = null)
    {
        CheckLength(vector, nameof(vector));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        return CosineSearch(vector, k, new ScanMask(exclude, filter, -1), Int8CandidateScan.IsSupported);
    }

    internal float CosineUnchecked(ReadOnlySpan<float> vector, float vectorNorm, int item)
    {
        var norm = _norms[item];
        if (norm == 0 || vectorNorm == 0) return 0f;
        return TensorPrimitives.Dot(vector, _values.AsSpan(item * Dimensions, Dimensions)) / (vectorNorm * norm);
    }

    internal ScoredItem[] CosineSearch(ReadOnlySpan<float> vector, int k, in ScanMask mask, bool useInt8)
    {
        var packed = Codes.Groups <= StackQueryGroups ? stackalloc int[Codes.Groups] : new int[Codes.Groups];
        var quantized = Int8Query.Quantize(vector, packed);
        var score = new CosineRowScore(this, vector, quantized);
        return Search(ref score, packed, quantized.Offset, k, mask, useInt8);
    }
}
