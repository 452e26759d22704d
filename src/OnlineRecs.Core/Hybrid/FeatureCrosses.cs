namespace OnlineRecs.Core.Hybrid;

/// <summary>
/// Adds every pair of an entity's features as one more feature (<c>age=25-34&amp;gender=F</c>). Taste
/// follows combinations of demographics more than any one of them, and a sum of embeddings cannot
/// express a combination by itself.
/// </summary>
public static class FeatureCrosses
{
    /// <summary>The entity's features followed by their pairwise crosses; entities with many features (over <paramref name="maxFeatures"/>) keep theirs uncrossed.</summary>
    public static IReadOnlyDictionary<int, string[]> WithPairs(IReadOnlyDictionary<int, string[]> metadata, int maxFeatures = 6) =>
        metadata.ToDictionary(pair => pair.Key, pair => WithPairs(pair.Value, maxFeatures));

    public static string[] WithPairs(string[] features, int maxFeatures = 6)
    {
        if (features.Length < 2 || features.Length > maxFeatures) return features;
        var sorted = features.Order(StringComparer.Ordinal).ToArray();
        var crossed = new List<string>(sorted);
        for (var a = 0; a < sorted.Length; a++)
            for (var b = a + 1; b < sorted.Length; b++)
                crossed.Add($"{sorted[a]}&{sorted[b]}");
        return [.. crossed];
    }
}
