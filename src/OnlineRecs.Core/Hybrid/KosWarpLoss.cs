namespace OnlineRecs.Core.Hybrid;

/// <summary>
/// k-OS WARP (Weston et al. 2013): per user, draw n positives, pick the k-th best scored, and take
/// a WARP step on it, so that users with many positives are not dominated by their easiest ones.
/// </summary>
internal static class KosWarpLoss
{
    public static void Step(HybridEpoch epoch, int user, TrainingScratch s)
    {
        var o = epoch.Options;
        var positives = epoch.Interactions.RowColumns(user);
        if (positives.IsEmpty) return;
        epoch.RepresentUser(user, s.User);

        Span<(float Score, int Item)> drawn = stackalloc (float, int)[o.KosN];
        for (var n = 0; n < drawn.Length; n++)
        {
            var item = positives[s.Random.Next(positives.Length)];
            drawn[n] = (WarpLoss.ScoreItem(epoch, item, s.User, s.Positive), item);
        }
        drawn.Sort((a, b) => b.Score.CompareTo(a.Score));
        var (positiveScore, positive) = drawn[Math.Min(o.KosK, drawn.Length) - 1];

        var entry = epoch.Interactions.RowStart[user] + positives.BinarySearch(positive);
        var weight = epoch.Interactions.Values[entry];
        epoch.RepresentItem(positive, s.Positive);
        if (WarpLoss.TryViolate(epoch, user, positiveScore, s, out var negative, out var sampled))
        {
            var rankWeight = WarpLoss.RankWeight(epoch, sampled);
            epoch.DescendPair(user, positive, negative, weight * rankWeight, s);
            s.LossSum += weight * rankWeight;
        }
        s.Updates++;
    }
}
