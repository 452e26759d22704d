namespace OnlineRecs.Core.Scoring;

/// <summary>Which rows of each eight-row block a scan may return, from the filter, the exclusion and one skipped item (none when negative).</summary>
internal readonly struct ScanMask(ItemExclusion? exclude, ItemFilter? filter, int skippedItem)
{
    /// <summary>Bit l set when row <c>8 * block + l</c> exists (is below <paramref name="count"/>) and is allowed.</summary>
    public uint Lanes(int block, int count)
    {
        var remaining = count - block * Int8ItemCodes.BlockItems;
        var lanes = remaining >= Int8ItemCodes.BlockItems ? 0xFFu : (1u << remaining) - 1;
        if (filter is not null) lanes &= filter.Bits.ByteAt(block);
        if (exclude is not null) lanes &= ~exclude.Bits.ByteAt(block);
        if (skippedItem >= 0 && skippedItem / Int8ItemCodes.BlockItems == block) lanes &= ~(1u << (skippedItem % Int8ItemCodes.BlockItems));
        return lanes;
    }
}
