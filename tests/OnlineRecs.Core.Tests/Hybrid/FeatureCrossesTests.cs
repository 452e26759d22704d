using OnlineRecs.Core.Hybrid;

namespace OnlineRecs.Core.Tests.Hybrid;

public class FeatureCrossesTests
{
    [Fact]
    public void AddsEachPairOnceInAStableOrder()
    {
        var crossed = FeatureCrosses.WithPairs(["occupation=artist", "age=25-34", "gender=F"]);
        Assert.Equal(6, crossed.Length);
        Assert.Contains("age=25-34&gender=F", crossed);
        Assert.Contains("age=25-34&occupation=artist", crossed);
        Assert.Contains("gender=F&occupation=artist", crossed);
        Assert.Equal(crossed, FeatureCrosses.WithPairs(["gender=F", "occupation=artist", "age=25-34"]));
    }

    [Fact]
    public void LeavesSingleAndRichFeatureListsAlone()
    {
        Assert.Equal(["genre=Drama"], FeatureCrosses.WithPairs(["genre=Drama"]));
        string[] many = [.. Enumerable.Range(0, 10).Select(n => $"tag=t{n}")];
        Assert.Same(many, FeatureCrosses.WithPairs(many));
    }
}
