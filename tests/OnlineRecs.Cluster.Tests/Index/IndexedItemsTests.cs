using OnlineRecs.Abstractions.Learning;
using OnlineRecs.Core.Online;
using OnlineRecs.Grains.Index;

namespace OnlineRecs.Cluster.Tests.Index;

/// <summary>The index's item rows: a group's refresh is built beside the rows being served and swapped in whole.</summary>
public sealed class IndexedItemsTests
{
    private const int Factors = 4;

    [Fact]
    public async Task A_refresh_off_the_grains_turn_never_writes_the_rows_being_served()
    {
        var items = new IndexedItems(Factors, seed: 1, identityWeight: 1f);
        items.SetMetadata(10, ["genre=A"], "Ten");
        items.SetFeatures(Table(version: 1, [1, 0, 0, 0]));
        items.Refresh();
        var weight = new MetadataRow(["genre=A"]).Weights[0];
        var served = items.Vectors;
        float[] before = [weight, 0, 0, 0];
        Assert.Equal(before, served.Row(0).ToArray());

        items.SetFeatures(Table(version: 2, [0, 2, 0, 0]));
        items.SetIdentity(new IdentityVector(10, [1, 1, 1, 1], 0.5f));
        var refresh = items.RefreshOffTurn();
        Assert.Equal(before, served.Row(0).ToArray());
        await refresh;

        Assert.NotSame(served, items.Vectors);
        Assert.Equal(before, served.Row(0).ToArray());
        Assert.Equal([1, 1 + 2 * weight, 1, 1], items.Vectors.Row(0).ToArray());
        Assert.Equal(0.5f, items.Vectors.Bias(0));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(101)]
    public async Task A_refresh_redoes_every_row(int count)
    {
        var items = new IndexedItems(Factors, seed: 1, identityWeight: 0.5f);
        for (var id = 1; id <= count; id++)
        {
            items.SetMetadata(id, ["genre=A"], null);
            items.SetIdentity(new IdentityVector(id, [id, 0, 0, 0], id));
        }
        var weight = new MetadataRow(["genre=A"]).Weights[0];

        items.SetFeatures(Table(version: 1, [0, 1, 0, 0]));
        await items.RefreshOffTurn();

        for (var id = 1; id <= count; id++)
        {
            Assert.True(items.TryGetRow(id, out var row));
            Assert.Equal([0.5f * id, weight, 0, 0], items.Vectors.Row(row).ToArray());
            Assert.Equal(0.5f * id, items.Vectors.Bias(row));
        }
    }

    private static FeatureTableMessage Table(long version, float[] genreA) => new(Factors, ["genre=A"], [[.. genreA, 0f]], version);
}
