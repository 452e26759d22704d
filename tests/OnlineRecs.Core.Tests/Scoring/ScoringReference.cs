using OnlineRecs.Core.Scoring;

namespace OnlineRecs.Core.Tests.Scoring;

/// <summary>Random stores and the brute-force rankings the fast scans must reproduce.</summary>
internal static class ScoringReference
{
    public static float[] Gaussian(Random random, int length, float scale = 1f)
    {
        var values = new float[length];
        for (var i = 0; i < length; i++)
        {
            // Box–Muller from two uniforms.
            var u = 1.0 - random.NextDouble();
            values[i] = scale * (float)(Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }

        return values;
    }

    public static ItemVectors RandomStore(Random random, int count, int dimensions, bool withBiases)
    {
        var biases = withBiases ? Gaussian(random, count) : new float[count];
        return new ItemVectors(dimensions, Gaussian(random, count * dimensions), biases);
    }

    /// <summary>Scores every allowed row with <paramref name="score"/>, sorts, and keeps the first k.</summary>
    public static ScoredItem[] BruteForce(int count, Func<int, float> score, int k, Func<int, bool> allowed) =>
        Enumerable.Range(0, count)
            .Where(allowed)
            .Select(item => new ScoredItem(item, score(item)))
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Item)
            .Take(k)
            .ToArray();

    public static ScoredItem[] BruteForceTopK(ItemVectors store, float[] query, int k, ItemExclusion? exclude = null, ItemFilter? filter = null) =>
        BruteForce(store.Count, item => store.Score(query, item), k,
            item => (exclude is null || !exclude.Contains(item)) && (filter is null || filter.IsAllowed(item)));

    public static ScoredItem[] BruteForceCosine(ItemVectors store, float[] vector, int k, Func<int, bool> allowed) =>
        BruteForce(store.Count, item => store.Cosine(vector, item), k, allowed);
}
