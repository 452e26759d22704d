namespace OnlineRecs.Core.Scoring;

/// <summary>Exact top-K by scoring every allowed row in float32: the portable path without VNNI.</summary>
internal static class ExactScan
{
    public static void Run<TScore>(int count, scoped ref TScore score, TopKHeap heap, in ScanMask mask)
        where TScore : IRowScore, allows ref struct
    {
        var blocks = (count + Int8ItemCodes.BlockItems - 1) / Int8ItemCodes.BlockItems;
        for (var block = 0; block < blocks; block++)
        {
            var lanes = mask.Lanes(block, count);
            for (var lane = 0; lane < Int8ItemCodes.BlockItems; lane++)
            {
                if ((lanes & (1u << lane)) == 0) continue;
                var item = block * Int8ItemCodes.BlockItems + lane;
                heap.Offer(item, score.Exact(item));
            }
        }
    }
}
