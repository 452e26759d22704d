namespace OnlineRecs.Core.Data;

/// <summary>Splits a total number of interactions over users with a heavy (log-normal) tail.</summary>
internal static class UserActivity
{
    // With σ = 1.2 the busiest tenth of users hold about half of all interactions, much as in MovieLens.
    private const double LogSpread = 1.2;

    /// <summary>Counts summing to <paramref name="interactions"/>, each from 1 to <paramref name="maxPerUser"/>.</summary>
    public static int[] Allocate(int users, int interactions, int maxPerUser, Random random)
    {
        var weights = new double[users];
        var total = 0.0;
        for (var u = 0; u < users; u++) total += weights[u] = Math.Exp(LogSpread * random.NextGaussian());

        var counts = new int[users];
        var extra = interactions - users;
        var assigned = 0L;
        for (var u = 0; u < users; u++)
        {
            counts[u] = (int)Math.Min(maxPerUser, 1 + Math.Floor(extra * weights[u] / total));
            assigned += counts[u];
        }
        // Rounding down and the cap leave a remainder; hand it out one at a time to users with room.
        for (var u = 0; assigned < interactions; u = (u + 1) % users)
        {
            if (counts[u] == maxPerUser) continue;
            counts[u]++;
            assigned++;
        }
        return counts;
    }
}
