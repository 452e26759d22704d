using OnlineRecs.Abstractions.Grains;
using OnlineRecs.Abstractions.Serving;
using OnlineRecs.Core.Hybrid;
using static OnlineRecs.Cluster.Tests.ClusterFixture;

namespace OnlineRecs.Cluster.Tests;

/// <summary>What one event does to the model, observed through the grains that own it.</summary>
public sealed class EventPathTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task A_new_user_and_a_new_item_appear_with_their_first_event()
    {
        await fixture.Ingest.IngestLearned([.. Enumerable.Range(9100, 20).Select(item => Event(user: 100, item))]);
        var before = await fixture.Index.Summary();

        var receipt = await fixture.Ingest.IngestLearned([Event(user: 101, item: 9001)]);

        Assert.Equal(1, receipt.Accepted);
        Assert.Equal(1, receipt.Positives);
        var after = await fixture.Index.Summary();
        Assert.Equal(before.Users + 1, after.Users);
        Assert.Equal(before.Items + 1, after.Items);
        Assert.Equal(before.EventsApplied + 1, after.EventsApplied);
        var user = await fixture.Grains.GetGrain<IUserGrain>(101).Snapshot();
        Assert.Equal([9001], user.Rated);
        Assert.Equal(16, user.Embedding.Length);
        var item = await fixture.Grains.GetGrain<IItemGrain>(9001).Snapshot();
        Assert.Equal(1, item.Updates);
        Assert.Equal(16, item.Embedding.Length);
    }

    [Fact]
    public async Task An_event_changes_its_user_and_the_items_it_sent_gradients_to_and_nothing_else()
    {
        var items = Enumerable.Range(8001, 30).ToArray();
        await fixture.Ingest.IngestLearned([.. items.Select((item, n) => Event(user: 200 + n % 3, item))]);
        var bystander = await fixture.Grains.GetGrain<IUserGrain>(201).Snapshot();
        var userBefore = await fixture.Grains.GetGrain<IUserGrain>(200).Snapshot();
        var itemsBefore = await Task.WhenAll(items.Select(i => fixture.Grains.GetGrain<IItemGrain>(i).Snapshot()));

        await fixture.Ingest.IngestLearned([Event(user: 200, item: 8002)]);

        var userAfter = await fixture.Grains.GetGrain<IUserGrain>(200).Snapshot();
        Assert.NotEqual(userBefore.Embedding, userAfter.Embedding);
        Assert.Equal(bystander.Embedding, (await fixture.Grains.GetGrain<IUserGrain>(201).Snapshot()).Embedding);
        var itemsAfter = await Task.WhenAll(items.Select(i => fixture.Grains.GetGrain<IItemGrain>(i).Snapshot()));
        var changed = items.Where((_, n) => !itemsBefore[n].Embedding.SequenceEqual(itemsAfter[n].Embedding)).ToArray();
        var stepped = items.Where((_, n) => itemsAfter[n].Updates > itemsBefore[n].Updates).ToArray();
        Assert.Equal(stepped, changed);
        Assert.Contains(8002, changed);
        Assert.True(changed.Length < items.Length, "items that no step touched must keep their vectors");
    }

    [Fact]
    public async Task The_index_serves_an_item_as_its_identity_by_the_item_identity_weight_plus_its_metadata()
    {
        await fixture.Ingest.IngestLearned([Event(user: 250, item: 8501), Event(user: 251, item: 8501)]);

        var item = await fixture.Grains.GetGrain<IItemGrain>(8501).Snapshot();
        var served = await fixture.Index.Candidates([8501], sampleSize: 0, seed: 1);

        Assert.Empty(item.Metadata);
        Assert.Equal(8501, served.ItemIds[0]);
        var weight = HybridOptions.DefaultItemIdentityWeight;
        for (var c = 0; c < item.Embedding.Length; c++) Assert.Equal(weight * item.Embedding[c], served.Vectors[c], 1e-6f);
        Assert.Equal(weight * item.Bias, served.Biases[0], 1e-6f);
    }

    [Fact]
    public async Task Read_your_writes_the_ingested_item_is_excluded_and_the_new_vector_used_as_soon_as_the_call_returns()
    {
        await fixture.Ingest.IngestLearned([Event(300, 7001), Event(301, 7002), Event(301, 7003), Event(302, 7004)]);
        var user = fixture.Grains.GetGrain<IUserGrain>(300);
        var before = await user.Recommend(new RecommendationRequest(50));
        Assert.NotNull(before);
        Assert.Contains(before.Items, i => i.ItemId == 7002);
        var vectorBefore = (await user.Snapshot()).Embedding;

        // With the learner held, events are acknowledged once durable, and their users' answers wait until they are
        // learned: user 300's grain is active, user 310 is new and has none yet.
        var (answer, newcomer) = await fixture.Pipeline.Exclusive(async () =>
        {
            await fixture.Ingest.Ingest([Event(300, 7002), Event(310, 7003)]);
            var waiting = (user.Recommend(new RecommendationRequest(50)), fixture.Grains.GetGrain<IUserGrain>(310).Snapshot());
            await Task.Delay(300);
            Assert.False(waiting.Item1.IsCompleted || waiting.Item2.IsCompleted, "an answer came before the acknowledged event was learned");
            return waiting;
        });
        var after = await answer;
        var newcomerAfter = await newcomer;
        Assert.Equal([7003], newcomerAfter.Rated);

        Assert.NotNull(after);
        Assert.DoesNotContain(after.Items, i => i.ItemId is 7001 or 7002);
        Assert.NotEqual(vectorBefore, (await user.Snapshot()).Embedding);
        var withSeen = await user.Recommend(new RecommendationRequest(50, ExcludeSeen: false));
        Assert.Contains(withSeen!.Items, i => i.ItemId == 7002);
    }

    [Fact]
    public async Task A_positive_is_learned_in_the_context_of_the_users_positives_before_it()
    {
        await fixture.Ingest.IngestLearned([Event(500, 5001), Event(501, 5001)]);
        await fixture.Ingest.IngestLearned([Event(500, 5002)]);
        await fixture.Ingest.IngestLearned([Event(500, 5003)]);

        var table = await fixture.Grains.GetGrain<IFeatureTableGrain>(IFeatureTableGrain.Users).Current();
        // 5002 was learned with 5001 as its context and 5003 with both, so both context rows took gradients;
        // 5003 is nobody's context yet.
        Assert.Contains("recent=5001", table.Names);
        Assert.Contains("recent=5002", table.Names);
        Assert.DoesNotContain("recent=5003", table.Names);
    }

    [Fact]
    public async Task A_rating_below_the_threshold_marks_the_item_seen_without_learning_from_it()
    {
        await fixture.Ingest.IngestLearned([Event(400, 6001)]);
        var before = await fixture.Grains.GetGrain<IUserGrain>(400).Snapshot();

        var receipt = await fixture.Ingest.IngestLearned([Event(400, 6002, rating: 1f)]);

        Assert.Equal(0, receipt.Positives);
        var after = await fixture.Grains.GetGrain<IUserGrain>(400).Snapshot();
        Assert.Equal(before.Embedding, after.Embedding);
        Assert.Equal([6001, 6002], after.Rated);
        Assert.Equal([6001], after.Positives);
    }

    [Fact]
    public async Task Learning_moves_a_user_towards_the_items_it_likes()
    {
        // Two taste groups: users 500-509 like items 5001-5010, users 510-519 like 5011-5020.
        var events = new List<Abstractions.Events.RatingEvent>();
        for (var round = 0; round < 20; round++)
            for (var u = 0; u < 20; u++)
                for (var i = 0; i < 10; i += 2)
                    events.Add(Event(500 + u, 5001 + (u < 10 ? 0 : 10) + (i + round) % 10, timestamp: round));
        foreach (var chunk in events.Chunk(200)) await fixture.Ingest.IngestLearned(chunk);

        var found = await fixture.Grains.GetGrain<IUserGrain>(500).Recommend(new RecommendationRequest(5, ExcludeSeen: false));

        Assert.NotNull(found);
        Assert.True(found.Items.Count(i => i.ItemId is >= 5001 and <= 5010) >= 4,
            $"user 500 should get its own group's items, got {string.Join(',', found.Items.Select(i => i.ItemId))}");
    }
}
