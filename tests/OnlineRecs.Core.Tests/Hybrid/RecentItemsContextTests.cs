using OnlineRecs.Core.Data;
using OnlineRecs.Core.Evaluation;
using OnlineRecs.Core.Hybrid;
using OnlineRecs.Core.Sparse;
using OnlineRecs.Core.Training;

namespace OnlineRecs.Core.Tests.Hybrid;

public sealed class RecentItemsContextTests
{
    [Fact]
    public void The_context_is_the_last_K_arrivals_newest_first_sharing_the_weight()
    {
        var context = new RecentItemsContext(length: 2, weight: 1f);
        List<int> arrivals = [10, 11, 12];

        var (names, weight) = context.Of(arrivals);
        Assert.Equal(["recent=12", "recent=11"], names);
        Assert.Equal(0.5f, weight);
        (names, weight) = context.Of(arrivals, count: 1);
        Assert.Equal(["recent=10"], names);
        Assert.Equal(1f, weight);
        Assert.Empty(context.Of(arrivals, count: 0).Names);
    }

    [Fact]
    public void A_fit_sees_each_positive_in_the_context_it_arrived_in()
    {
        var context = new RecentItemsContext(length: 2, weight: 1f);
        var space = new FeatureSpace();
        var users = space.Build([1], new Dictionary<int, string[]>(), _ => true);
        // One user liked items 5, 2, 7 and then 5 again, in that order; the matrix holds them by column.
        var interactions = CsrMatrix.FromTriplets(1, 8, [(0, 2, 1f), (0, 5, 2f), (0, 7, 1f)]);

        var rows = context.EntryRows(interactions, users, [(0, 5, 5), (0, 2, 2), (0, 7, 7), (0, 5, 5)], space);

        string[] Names(int entry) => [.. rows.RowColumns(entry).ToArray().Select(f => space.Features.Ids[f]).Order()];
        Assert.Equal(["id=1", "recent=5"], Names(0));
        Assert.Equal(["id=1"], Names(1));
        Assert.Equal(["id=1", "recent=2", "recent=5"], Names(2));
        Assert.Equal([1f, 0.5f, 0.5f], rows.RowValues(2).ToArray());
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
