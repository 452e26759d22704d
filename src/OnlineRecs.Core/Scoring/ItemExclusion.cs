namespace OnlineRecs.Core.Scoring;

/// <summary>
/// Items a query must skip, such as the items a user already rated. Reset it with the next user's
/// items to reuse it: a reset costs time proportional to the old and new item counts, not the catalogue size.
/// </summary>
public sealed class ItemExclusion
{
    private readonly BitSet _bits = new();
    private readonly List<int> _items = [];

    /// <summary>Creates an empty exclusion.</summary>
    public ItemExclusion()
    {
    }

    /// <summary>Creates an exclusion of the given items, in any order, duplicates allowed.</summary>
    public ItemExclusion(ReadOnlySpan<int> items) => Reset(items);

    internal BitSet Bits => _bits;

    /// <summary>Whether <paramref name="item"/> is excluded.</summary>
    public bool Contains(int item) => _bits.Contains(item);

    /// <summary>Excludes one more item.</summary>
    public void Add(int item)
    {
        _bits.Add(item);
        _items.Add(item);
    }

    /// <summary>Replaces the excluded items with <paramref name="items"/>.</summary>
    public void Reset(ReadOnlySpan<int> items)
    {
        foreach (var item in _items) _bits.Remove(item);
        _items.Clear();
        foreach (var item in items) Add(item);
    }
}
