namespace OnlineRecs.Core.Scoring;

/// <summary>
/// The items a query may return, such as the items carrying feature genre=Comedy; every other item is skipped.
/// </summary>
public sealed class ItemFilter
{
    private readonly BitSet _bits = new();

    /// <summary>Creates a filter that allows nothing until items are allowed.</summary>
    public ItemFilter()
    {
    }

    /// <summary>Creates a filter that allows exactly <paramref name="allowed"/>.</summary>
    public ItemFilter(ReadOnlySpan<int> allowed)
    {
        foreach (var item in allowed) Allow(item);
    }

    internal BitSet Bits => _bits;

    /// <summary>Whether <paramref name="item"/> may be returned.</summary>
    public bool IsAllowed(int item) => _bits.Contains(item);

    /// <summary>Lets <paramref name="item"/> be returned.</summary>
    public void Allow(int item) => _bits.Add(item);

    /// <summary>Stops <paramref name="item"/> from being returned.</summary>
    public void Disallow(int item) => _bits.Remove(item);
}
