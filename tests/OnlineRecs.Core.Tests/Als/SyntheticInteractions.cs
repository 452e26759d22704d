using OnlineRecs.Core.Sparse;

namespace OnlineRecs.Core.Tests.Als;

/// <summary>Small generators of interaction matrices for the ALS tests.</summary>
internal static class SyntheticInteractions
{
    /// <summary>Each pair is observed with the given probability, with a rating-like value 1–5.</summary>
    public static CsrMatrix Uniform(int users, int items, double density, int seed)
    {
        var random = new Random(seed);
        var triplets = new List<(int, int, float)>();
        for (var u = 0; u < users; u++)
            for (var i = 0; i < items; i++)
                if (random.NextDouble() < density) triplets.Add((u, i, random.Next(1, 6)));
        return CsrMatrix.FromTriplets(users, items, triplets);
    }

    /// <summary>
    /// Shaped like MovieLens-1M users 1–2999: Pareto-distributed user activity (at least 20 items,
    /// as in MovieLens) rescaled to the exact number of nonzeros, items drawn by Zipf popularity.
    /// </summary>
    public static CsrMatrix MovieLensShaped(int users = 3000, int items = 3600, int nonZeros = 223_300, int seed = 1)
    {
        const int minActivity = 20;
        var random = new Random(seed);
        var maxActivity = items / 2;

        var activity = new int[users];
        var raw = new double[users];
        for (var u = 0; u < users; u++) raw[u] = minActivity / Math.Pow(1 - random.NextDouble(), 1 / 1.4);
        var scale = nonZeros / raw.Sum();
        for (var u = 0; u < users; u++) activity[u] = Math.Clamp((int)(raw[u] * scale), minActivity, maxActivity);
        for (var gap = nonZeros - activity.Sum(); gap != 0;)
        {
            var u = random.Next(users);
            var step = Math.Sign(gap);
            if (activity[u] + step < minActivity || activity[u] + step > maxActivity) continue;
            activity[u] += step;
            gap -= step;
        }

        var cumulative = new double[items];
        var total = 0.0;
        for (var i = 0; i < items; i++) cumulative[i] = total += 1 / Math.Pow(i + 1, 0.9);

        var triplets = new List<(int, int, float)>(nonZeros);
        var chosen = new HashSet<int>();
        for (var u = 0; u < users; u++)
        {
            chosen.Clear();
            while (chosen.Count < activity[u])
            {
                var slot = Array.BinarySearch(cumulative, random.NextDouble() * total);
                chosen.Add(slot < 0 ? Math.Min(~slot, items - 1) : slot);
            }
            foreach (var i in chosen) triplets.Add((u, i, random.Next(1, 6)));
        }
        return CsrMatrix.FromTriplets(users, items, triplets);
    }

    /// <summary>
    /// Users and items get hidden Gaussian vectors of the given rank; each user interacts with the
    /// items whose affinity plus Gumbel noise ranks highest, and one of them is held out.
    /// </summary>
    public static (CsrMatrix Train, int[] HeldOut) PlantedLowRank(int users, int items, int rank, int perUser, int seed)
    {
        var random = new Random(seed);
        double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var userTaste = new double[users, rank];
        var itemTaste = new double[items, rank];
        for (var u = 0; u < users; u++) for (var f = 0; f < rank; f++) userTaste[u, f] = Gaussian();
        for (var i = 0; i < items; i++) for (var f = 0; f < rank; f++) itemTaste[i, f] = Gaussian();

        var triplets = new List<(int, int, float)>();
        var heldOut = new int[users];
        for (var u = 0; u < users; u++)
        {
            var picks = Enumerable.Range(0, items)
                .OrderByDescending(i =>
                {
                    var affinity = 0.0;
                    for (var f = 0; f < rank; f++) affinity += userTaste[u, f] * itemTaste[i, f];
                    return 2 * affinity - Math.Log(-Math.Log(1 - random.NextDouble()));
                })
                .Take(perUser)
                .ToArray();
            heldOut[u] = picks[0];
            foreach (var i in picks.Skip(1)) triplets.Add((u, i, 1f));
        }
        return (CsrMatrix.FromTriplets(users, items, triplets), heldOut);
    }
}
