using OnlineRecs.Core.Evaluation;

namespace OnlineRecs.Core.Tests.Evaluation;

/// <summary>Rankings small enough to work out by hand.</summary>
public class RankingMetricsTests
{
    private static readonly HashSet<int> Relevant = [3, 7, 9];

    [Fact]
    public void PrecisionRecallAndNdcgByHand()
    {
        int[] top = [7, 1, 3, 4, 5, 6, 8, 10, 11, 12];
        Assert.Equal(0.2, RankingMetrics.PrecisionAt(10, top, Relevant), 10);
        Assert.Equal(2.0 / 3, RankingMetrics.RecallAt(top, Relevant), 10);
        var dcg = 1 / Math.Log2(2) + 1 / Math.Log2(4);
        var ideal = 1 / Math.Log2(2) + 1 / Math.Log2(3) + 1 / Math.Log2(4);
        Assert.Equal(dcg / ideal, RankingMetrics.NdcgAt(10, top, Relevant), 10);
    }

    [Fact]
    public void AucCountsOrderedPairsAndHalfTies()
    {
        // Positives 0.9 and 0.5 against negatives 0.1, 0.5, 0.95: pairs won 2 + (1 + 0.5) = 3.5 of 6.
        float[] negatives = [0.95f, 0.1f, 0.5f];
        Assert.Equal(3.5 / 6, RankingMetrics.Auc([0.9f, 0.5f], negatives), 10);
    }
}
