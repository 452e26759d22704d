namespace OnlineRecs.Core.Evaluation;

/// <summary>Per-user ranking metrics exactly as PROTOCOL.md defines them.</summary>
public static class RankingMetrics
{
    /// <summary>How many of <paramref name="topK"/> are in <paramref name="relevant"/>.</summary>
    public static int Hits(ReadOnlySpan<int> topK, IReadOnlySet<int> relevant)
    {
        var hits = 0;
        foreach (var item in topK) if (relevant.Contains(item)) hits++;
        return hits;
    }

    public static double PrecisionAt(int k, ReadOnlySpan<int> topK, IReadOnlySet<int> relevant) =>
        (double)Hits(topK, relevant) / k;

    public static double RecallAt(ReadOnlySpan<int> topK, IReadOnlySet<int> relevant) =>
        relevant.Count == 0 ? 0 : (double)Hits(topK, relevant) / relevant.Count;

    /// <summary>DCG of the list (1/log2(r+1) per hit at rank r) over the DCG of min(k, |relevant|) hits.</summary>
    public static double NdcgAt(int k, ReadOnlySpan<int> topK, IReadOnlySet<int> relevant)
    {
        var dcg = 0.0;
        for (var r = 0; r < topK.Length && r < k; r++)
            if (relevant.Contains(topK[r])) dcg += 1.0 / Math.Log2(r + 2);
        var ideal = 0.0;
        for (var r = 0; r < Math.Min(k, relevant.Count); r++) ideal += 1.0 / Math.Log2(r + 2);
        return ideal == 0 ? 0 : dcg / ideal;
    }

    /// <summary>
    /// Share of (positive, negative) pairs ranked in the right order, ties counting one half.
    /// Sorts the negatives once and binary-searches each positive: O((P + N) log N).
    /// </summary>
    public static double Auc(ReadOnlySpan<float> positiveScores, Span<float> negativeScores)
    {
        if (positiveScores.IsEmpty || negativeScores.IsEmpty) return 0.5;
        negativeScores.Sort();
        double correct = 0;
        foreach (var p in positiveScores)
        {
            var below = LowerBound(negativeScores, p);
            var notAbove = UpperBound(negativeScores, p);
            correct += below + 0.5 * (notAbove - below);
        }
        return correct / ((double)positiveScores.Length * negativeScores.Length);
    }

    private static int LowerBound(ReadOnlySpan<float> sorted, float value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static int UpperBound(ReadOnlySpan<float> sorted, float value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
