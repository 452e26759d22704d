namespace OnlineRecs.Core.Online;

/// <summary>
/// The random streams new parameters are drawn from, one per kind of owner, so that a grain, the index
/// that stands in for it before it publishes, and a replay of the log all draw the same numbers.
/// </summary>
public static class EntitySeeds
{
    public static ulong Users(ulong seed) => seed ^ 0x5553455253UL;

    public static ulong Items(ulong seed) => seed ^ 0x4954454D53UL;

    public static ulong Features(ulong seed, string name)
    {
        var hash = 0xCBF29CE484222325UL; // FNV-1a: stable across processes, unlike string.GetHashCode
        foreach (var c in name) hash = (hash ^ c) * 0x100000001B3UL;
        return seed ^ 0x46454154UL ^ hash;
    }
}
