namespace OnlineRecs.Core.Evaluation;

/// <summary>Scores each evaluated user of a split and averages precision, recall, NDCG at 10 and AUC.</summary>
public static class RankingEvaluator
{
    public const int K = 10;

    public static RankingReport Evaluate(EvaluationSplit split, UserScorer scoreUser, int threads = 1)
    {
        var itemCount = split.Universe.Items.Count;
        var candidates = split.CandidateItems ?? [.. Enumerable.Range(0, itemCount)];
        var n = split.EvaluatedUsers.Length;
        var precision = new double[n];
        var recall = new double[n];
        var ndcg = new double[n];
        var auc = new double[n];

        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) },
            () => new UserBuffers(itemCount, candidates.Length),
            (e, _, buffers) =>
            {
                var user = split.EvaluatedUsers[e];
                var test = split.TestItems[e];
                scoreUser(user, buffers.Scores);
                var excluded = split.ExcludeTrainItems ? split.Train.RowColumns(user) : [];

                var top = TopK(buffers.Scores, candidates, excluded, buffers.TopItems, buffers.TopScores);
                precision[e] = RankingMetrics.PrecisionAt(K, top, test);
                recall[e] = RankingMetrics.RecallAt(top, test);
                ndcg[e] = RankingMetrics.NdcgAt(K, top, test);
                auc[e] = Auc(buffers, candidates, excluded, test);
                return buffers;
            },
            _ => { });

        return new RankingReport(split.Protocol, n, precision.Average(), recall.Average(), ndcg.Average(), auc.Average());
    }

    /// <summary>The k best candidates not excluded, by score descending, ties to the lower index.</summary>
    private static ReadOnlySpan<int> TopK(ReadOnlySpan<float> scores, int[] candidates, ReadOnlySpan<int> excludedSorted,
        int[] topItems, float[] topScores)
    {
        var count = 0;
        foreach (var item in candidates)
        {
            if (excludedSorted.BinarySearch(item) >= 0) continue;
            var s = scores[item];
            if (count == K && !(s > topScores[K - 1])) continue;
            var pos = count < K ? count++ : K - 1;
            // Candidates arrive in ascending index order, so an equal score never moves ahead.
            while (pos > 0 && s > topScores[pos - 1])
            {
                topScores[pos] = topScores[pos - 1];
                topItems[pos] = topItems[pos - 1];
                pos--;
            }
            topScores[pos] = s;
            topItems[pos] = item;
        }
        return topItems.AsSpan(0, count);
    }

    private static double Auc(UserBuffers buffers, int[] candidates, ReadOnlySpan<int> excludedSorted, HashSet<int> test)
    {
        var positives = 0;
        var negatives = 0;
        foreach (var item in candidates)
        {
            if (test.Contains(item)) buffers.Positives[positives++] = buffers.Scores[item];
            else if (excludedSorted.BinarySearch(item) < 0) buffers.Negatives[negatives++] = buffers.Scores[item];
        }
        return RankingMetrics.Auc(buffers.Positives.AsSpan(0, positives), buffers.Negatives.AsSpan(0, negatives));
    }

    private sealed class UserBuffers(int itemCount, int candidateCount)
    {
        public float[] Scores { get; } = new float[itemCount];
        public int[] TopItems { get; } = new int[K];
        public float[] TopScores { get; } = new float[K];
        public float[] Positives { get; } = new float[candidateCount];
        public float[] Negatives { get; } = new float[candidateCount];
    }
}
