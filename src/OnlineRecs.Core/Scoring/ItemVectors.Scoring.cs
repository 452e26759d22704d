using System.Numerics.Tensors;

namespace OnlineRecs.Core.Scoring;

public sealed partial class ItemVectors
{
    // Above this many dimension groups the packed query moves from the stack to the heap.
    private const int StackQueryGroups = 256;

    /// <summary>The score q·p_i + b_i of row <paramref name="item"/>, exactly as <see cref="TopK"/> ranks it.</summary>
    public float Score(ReadOnlySpan<float> query, int item)
    {
        CheckLength(query, nameof(query));
        CheckItem(item);
        return ScoreUnchecked(query, item);
    }

    /// <summary>Writes the score of every row to <c>scores[0 .. Count - 1]</c>.</summary>
    public void ScoreAll(ReadOnlySpan<float> query, Span<float> scores)
    {
        CheckLength(query, nameof(query));
        if (scores.Length < Count)
            throw new ArgumentException($"Need room for {Count} scores, got {scores.Length}.", nameof(scores));
        for (var item = 0; item < Count; item++) scores[item] = ScoreUnchecked(query, item);
    }

    /// <summary>
    /// The <paramref name="k"/> rows with the highest q·p_i + b_i, best first, ties broken by the lower index;
    /// rows in <paramref name="exclude"/> or outside <paramref name="filter"/> are skipped. Exact: the same
    /// result as scoring every row with <see cref="Score"/> and sorting.
    /// </summary>
    public ScoredItem[] TopK(ReadOnlySpan<float> query, int k, ItemExclusion? exclude = null, ItemFilter? filter = null)
    {
        CheckLength(query, nameof(query));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        return DotTopK(query, k, new ScanMask(exclude, filter, -1), Int8CandidateScan.IsSupported);
    }

    internal float ScoreUnchecked(ReadOnlySpan<float> query, int item) =>
        TensorPrimitives.Dot(query, _values.AsSpan(item * Dimensions, Dimensions)) + _biases[item];

    internal ScoredItem[] DotTopK(ReadOnlySpan<float> query, int k, in ScanMask mask, bool useInt8)
    {
        var packed = Codes.Groups <= StackQueryGroups ? stackalloc int[Codes.Groups] : new int[Codes.Groups];
        var quantized = Int8Query.Quantize(query, packed);
        var score = new DotRowScore(this, query, quantized);
        return Search(ref score, packed, quantized.Offset, k, mask, useInt8);
    }

    /// <summary>Top-K by <paramref name="score"/>, through the int8 scan or by scoring every row.</summary>
    private ScoredItem[] Search<TScore>(scoped ref TScore score, scoped ReadOnlySpan<int> packedQuery, int queryOffset, int k, in ScanMask mask, bool useInt8)
        where TScore : IRowScore, allows ref struct
    {
        if (Count == 0) return [];
        var heap = new TopKHeap(Math.Min(k, Count));
        if (useInt8) Int8CandidateScan.Run(Codes, Count, packedQuery, queryOffset, ref score, heap, mask);
        else ExactScan.Run(Count, ref score, heap, mask);
        return heap.ToSortedArray();
    }
}
