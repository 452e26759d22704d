using OnlineRecs.Abstractions.Events;
using static OnlineRecs.Cluster.Tests.ClusterFixture;

namespace OnlineRecs.Cluster.Tests;

/// <summary>Bad input through the gateway is refused whole, with a message, and changes nothing.</summary>
public sealed class InputValidationTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    public static TheoryData<RatingEvent, string> BadEvents => new()
    {
        { new RatingEvent(1, 2, float.NaN, 1), "rating" },
        { new RatingEvent(1, 2, float.PositiveInfinity, 1), "rating" },
        { new RatingEvent(1, 2, 5.5f, 1), "rating" },
        { new RatingEvent(1, 2, -1f, 1), "rating" },
        { new RatingEvent(-1, 2, 4f, 1), "userId" },
        { new RatingEvent(1, -2, 4f, 1), "itemId" },
        { new RatingEvent(1, 2, 4f, -5), "timestamp" },
        { new RatingEvent(1, 2, 4f, 1, float.NaN), "weight" },
        { new RatingEvent(1, 2, 4f, 1, -1f), "weight" },
    };

    [Theory]
    [MemberData(nameof(BadEvents))]
    public async Task A_batch_with_one_bad_event_is_refused_whole(RatingEvent bad, string named)
    {
        var before = await fixture.Index.Summary();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => fixture.Ingest.Ingest([Event(1, 2), bad]));

        Assert.Contains(named, error.Message);
        var after = await fixture.Index.Summary();
        Assert.Equal(before.EventsApplied, after.EventsApplied);
        Assert.Equal(before.LastSequence, after.LastSequence);
    }

    [Fact]
    public async Task A_dry_run_answers_as_ingest_would_and_logs_nothing()
    {
        var before = await fixture.Index.Summary();
        var acknowledged = fixture.Pipeline.EventsAcknowledged;

        var receipt = await fixture.Ingest.Validate([Event(1, 2), Event(1, 3, rating: 1f), Event(4, 2)]);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => fixture.Ingest.Validate([Event(1, 2), Event(1, 2, rating: 9f)]));

        Assert.Equal((3, 2, 0L), (receipt.Accepted, receipt.Positives, receipt.LastSequence));
        Assert.Contains("rating", error.Message);
        var after = await fixture.Index.Summary();
        Assert.Equal((before.EventsApplied, before.LastSequence), (after.EventsApplied, after.LastSequence));
        Assert.Equal(acknowledged, fixture.Pipeline.EventsAcknowledged);
    }

    [Fact]
    public async Task Empty_and_oversized_batches_are_refused()
    {
        Assert.Contains("no events", (await Assert.ThrowsAnyAsync<Exception>(() => fixture.Ingest.Ingest([]))).Message);
        var tooMany = Enumerable.Range(0, 10_001).Select(n => Event(1, n)).ToArray();
        Assert.Contains("at most 10000", (await Assert.ThrowsAnyAsync<Exception>(() => fixture.Ingest.Ingest(tooMany))).Message);
    }

    [Fact]
    public async Task Metadata_with_blank_or_control_characters_is_refused()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => fixture.Ingest.SetMetadata([new EntityMetadata(EntityKind.Item, 1, [" "])]));
        await Assert.ThrowsAnyAsync<Exception>(() => fixture.Ingest.SetMetadata([new EntityMetadata(EntityKind.User, 1, ["a\u0001b"])]));
        await Assert.ThrowsAnyAsync<Exception>(() => fixture.Ingest.SetMetadata([new EntityMetadata(EntityKind.User, -4, ["gender=F"])]));
    }
}
