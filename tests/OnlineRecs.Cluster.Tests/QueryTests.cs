using OnlineRecs.Abstractions.Events;
using OnlineRecs.Abstractions.Grains;
using OnlineRecs.Abstractions.Serving;
using static OnlineRecs.Cluster.Tests.ClusterFixture;

namespace OnlineRecs.Cluster.Tests;

/// <summary>Similar items and users, feature filters, titles and cold start, answered by the index.</summary>
public sealed class QueryTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await fixture.Ingest.SetMetadata([
            new EntityMetadata(EntityKind.Item, 1, ["genre=Comedy"], "Funny One"),
            new EntityMetadata(EntityKind.Item, 2, ["genre=Comedy"], "Funny Two"),
            new EntityMetadata(EntityKind.Item, 3, ["genre=Drama"], "Sad One"),
            new EntityMetadata(EntityKind.Item, 4, ["genre=Drama"], "Sad Two"),
            new EntityMetadata(EntityKind.User, 20, ["gender=F", "age=25-34"]),
        ]);
        // Women 25-34 like comedies, men 45-49 like dramas: the metadata carries signal that cold start can use.
        var events = new List<RatingEvent>();
        for (var u = 0; u < 30; u++)
        {
            var likesComedy = u % 2 == 0;
            await fixture.Ingest.SetMetadata([new EntityMetadata(EntityKind.User, 100 + u, likesComedy ? ["gender=F", "age=25-34"] : ["gender=M", "age=45-49"])]);
            events.Add(Event(100 + u, likesComedy ? 1 : 3, timestamp: u));
            events.Add(Event(100 + u, likesComedy ? 2 : 4, timestamp: u));
        }
        for (var round = 0; round < 20; round++) await fixture.Ingest.IngestLearned([.. events]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Recommendations_carry_titles_and_keep_to_the_requested_feature()
    {
        var found = await fixture.Grains.GetGrain<IUserGrain>(101).Recommend(new RecommendationRequest(10, ExcludeSeen: false, Feature: "genre=Drama"));

        Assert.NotNull(found);
        Assert.Equal([3, 4], found.Items.Select(i => i.ItemId).Order());
        Assert.All(found.Items, i => Assert.StartsWith("Sad", i.Title));
    }

    [Fact]
    public async Task Similar_items_leave_out_the_item_itself_and_unknown_items_are_null()
    {
        var similar = await fixture.Index.SimilarItems(1, 2);

        Assert.NotNull(similar);
        Assert.Equal(2, similar.Items.Length);
        Assert.DoesNotContain(similar.Items, i => i.ItemId == 1);
        Assert.Null(await fixture.Index.SimilarItems(123456, 5));
    }

    [Fact]
    public async Task Similar_users_are_users_with_the_same_taste()
    {
        var similar = await fixture.Index.SimilarUsers(100, 5);

        Assert.NotNull(similar);
        Assert.DoesNotContain(similar.Items, u => u.ItemId == 100);
        Assert.True(similar.Items.Count(u => u.ItemId % 2 == 0) >= 4, string.Join(',', similar.Items.Select(u => u.ItemId)));
    }

    [Fact]
    public async Task Cold_start_from_metadata_ranks_by_the_taste_of_similar_users()
    {
        var women = await fixture.Index.ColdStart(new ColdStartProfile("F", 30, null, null, null).ToQuery(2));
        var men = await fixture.Index.ColdStart(new ColdStartProfile("M", 47, null, null, null).ToQuery(2));

        Assert.Equal([1, 2], women.Items.Select(i => i.ItemId).Order());
        Assert.Equal([3, 4], men.Items.Select(i => i.ItemId).Order());
    }

    [Fact]
    public async Task Cold_start_liked_genres_keep_to_items_of_those_genres()
    {
        var found = await fixture.Index.ColdStart(new ColdStartProfile("F", 30, null, ["Drama"], null).ToQuery(10));

        Assert.Equal([3, 4], found.Items.Select(i => i.ItemId).Order());
    }

    [Fact]
    public async Task A_user_known_only_by_metadata_gets_recommendations_and_an_unknown_user_gets_none()
    {
        var found = await fixture.Grains.GetGrain<IUserGrain>(20).Recommend(new RecommendationRequest(2));

        Assert.NotNull(found);
        Assert.Equal([1, 2], found.Items.Select(i => i.ItemId).Order());
        Assert.Null(await fixture.Grains.GetGrain<IUserGrain>(999_999).Recommend(new RecommendationRequest(2)));
    }
}
