using OnlineRecs.Core.Data;
using OnlineRecs.Core.Evaluation;
using OnlineRecs.Core.Hybrid;
using OnlineRecs.Core.Training;

namespace OnlineRecs.Core.Tests.Hybrid;

public sealed class RecentItemsContextTests
{
    [Fact]
    public void The_newest_item_comes_first_once_and_the_list_keeps_one_more_than_K()
    {
        var context = new RecentItemsContext(length: 2, weight: 1f);
        List<int> recent = [];
        foreach (var feature in new[] { 10, 11, 12, 10 }) context.Push(recent, feature);

        Assert.Equal([10, 12, 11], recent);
    }

    [Fact]
    public void The_context_shares_its_weight_among_at_most_K_items_after_the_user_row()
    {
        var context = new RecentItemsContext(length: 2, weight: 1f);
        var (features, weights) = context.Extend(new FeatureRow([0, 3], [1f, 0.5f]), [10, 12, 11], skipNewest: 1);

        Assert.Equal([0, 3, 12, 11], features);
        Assert.Equal([1f, 0.5f, 0.5f, 0.5f], weights);
    }

    /// <summary>
    /// Each user walks a ring of items, one step on from the last item most of the time and elsewhere at random
    /// otherwise: what comes next follows from what came just before, and a user's items taken together say little.
    /// </summary>
    [Fact]
    public void A_stream_whose_next_item_follows_the_last_is_learned_with_recent_items_and_not_without()
    {
        var parameters = ModelParameters.ForModel(ModelKind.Warp) with { Factors = 16, Epochs = 10, Threads = 1, UseFeatures = false };
        var without = Prequential.Run(RingWalks, new PrequentialOptions { Parameters = parameters, RecentItems = 0 });
        var with = Prequential.Run(RingWalks, new PrequentialOptions { Parameters = parameters, RecentItems = 3 });

        Assert.Equal(without.EvaluatedEvents, with.EvaluatedEvents);
        Assert.True(with.HitRate > 0.4 && with.HitRate > 2 * without.HitRate, $"with {with.HitRate:F4}, without {without.HitRate:F4}");
    }

    private static readonly RatingDataset RingWalks = Walks(users: 400, items: 200, length: 12, seed: 5);

    private static RatingDataset Walks(int users, int items, int length, int seed)
    {
        var random = new Random(seed);
        var ratings = new List<Rating>();
        var time = 0L;
        var position = new int[users];
        for (var u = 0; u < users; u++) position[u] = random.Next(items);
        // Users take turns, so the stream interleaves their walks as a real one would.
        for (var step = 0; step < length; step++)
            foreach (var u in Enumerable.Range(0, users).OrderBy(_ => random.Next()))
            {
                ratings.Add(new Rating(u + 1, position[u] + 1, 5f, ++time));
                position[u] = random.NextDouble() < 0.7 ? (position[u] + 1) % items : random.Next(items);
            }
        return new RatingDataset { Name = "ring-walks", Format = DatasetFormats.Synthetic, Ratings = [.. ratings] };
    }
}
