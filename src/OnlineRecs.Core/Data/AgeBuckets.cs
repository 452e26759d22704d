namespace OnlineRecs.Core.Data;

/// <summary>The age groups of MovieLens 1M, which raw ages (MovieLens 100K) are mapped onto as well.</summary>
public static class AgeBuckets
{
    /// <summary>All buckets, youngest first.</summary>
    public static IReadOnlyList<string> Names { get; } = ["under 18", "18-24", "25-34", "35-44", "45-49", "50-55", "56+"];

    // MovieLens 1M codes each bucket by its lowest age.
    private static readonly int[] LowestAges = [1, 18, 25, 35, 45, 50, 56];

    /// <summary>The bucket holding an age in years.</summary>
    public static string ForAge(int age)
    {
        var bucket = LowestAges.Length - 1;
        while (bucket > 0 && age < LowestAges[bucket]) bucket--;
        return Names[bucket];
    }

    /// <summary>The bucket of a MovieLens 1M age code (1, 18, 25, 35, 45, 50 or 56), or false for other codes.</summary>
    public static bool TryForMovieLens1MCode(int code, out string bucket)
    {
        var index = Array.IndexOf(LowestAges, code);
        bucket = index >= 0 ? Names[index] : "";
        return index >= 0;
    }
}
