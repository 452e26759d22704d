using OnlineRecs.Abstractions.Grains;
using OnlineRecs.Abstractions.Serving;

namespace OnlineRecs.Cluster.Tests.Retraining;

/// <summary>Whichever algorithm ran last, entities known only by metadata are placed by it.</summary>
public sealed class ColdStartAfterRetrainTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private const int ColdItem = 1000;
    private readonly ClusteredStream _stream = new();

    [Theory]
    [InlineData("als")]
    [InlineData("warp")]
    public async Task Cold_items_and_cold_users_are_placed_by_their_metadata(string algorithm)
    {
        if ((await fixture.Index.Summary()).EventsApplied == 0)
        {
            await fixture.Ingest.SetMetadata([.. _stream.Metadata(),
                new(Abstractions.Events.EntityKind.Item, ColdItem, ["genre=g2"], "Cold")]);
            await fixture.Ingest.IngestLearned(_stream.Events());
        }

        var status = await fixture.Grains.RunToCompletion(algorithm);
        Assert.Equal(algorithm, status.History[^1].Algorithm);

        var similar = await fixture.Index.SimilarItems(ColdItem, 10);
        Assert.True(similar!.Items.Count(i => _stream.ClusterOf(i.ItemId) == 2) >= 8,
            $"{algorithm}: the cold g2 item's neighbours are {string.Join(", ", similar.Items.Select(i => i.ItemId))}");
        var forSegment = await fixture.Index.ColdStart(new ColdStartQuery(["segment=s1"], [], 10));
        Assert.True(forSegment.Items.Count(i => _stream.ClusterOf(i.ItemId) == 1) >= 8,
            $"{algorithm}: a cold s1 user gets {string.Join(", ", forSegment.Items.Select(i => i.ItemId))}");
        var otherSegment = await fixture.Index.ColdStart(new ColdStartQuery(["segment=s3"], [], 10));
        Assert.True(otherSegment.Items.Count(i => _stream.ClusterOf(i.ItemId) == 3) >= 8,
            $"{algorithm}: a cold s3 user gets {string.Join(", ", otherSegment.Items.Select(i => i.ItemId))}");
    }
}
