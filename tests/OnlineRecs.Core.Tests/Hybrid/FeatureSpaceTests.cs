using OnlineRecs.Core.Hybrid;

namespace OnlineRecs.Core.Tests.Hybrid;

public class FeatureSpaceTests
{
    private static readonly Dictionary<int, string[]> Metadata = new()
    {
        [7] = ["genre=Comedy", "genre=Drama", "year=1995-1999"],
        [9] = ["genre=Comedy"],
    };

    [Fact]
    public void IdentityWeighsOneAndEachMetadataValueOneOverKindsTimesTheRootOfItsKindsValues()
    {
        var space = new FeatureSpace();
        var rows = space.Build([7, 9], Metadata, _ => true);
        var weights = rows.RowColumns(0).ToArray().Zip(rows.RowValues(0).ToArray())
            .ToDictionary(p => space.Features[p.First], p => p.Second);

        Assert.Equal(1f, weights[FeatureSpace.IdentityFeature(7)]);
        Assert.Equal(1f / (2 * MathF.Sqrt(2)), weights["genre=Comedy"], 1e-6f);
        Assert.Equal(1f / (2 * MathF.Sqrt(2)), weights["genre=Drama"], 1e-6f);
        Assert.Equal(0.5f, weights["year=1995-1999"]);
    }

    /// <summary>A cold-start query must be represented exactly as a trained entity without history would be.</summary>
    [Fact]
    public void MetadataRowMatchesTheRowOfAnEntityWithoutHistoryAndSkipsUnknownNames()
    {
        var space = new FeatureSpace();
        var rows = space.Build([7, 9], Metadata, _ => false);
        var (features, weights) = space.MetadataRow(["year=1995-1999", "genre=Drama", "genre=Comedy", "genre=Western"]);

        Assert.Equal(rows.RowColumns(0).ToArray(), features);
        Assert.Equal(rows.RowValues(0).ToArray(), weights);
    }
}
