using OnlineRecs.Abstractions.Events;
using OnlineRecs.Core.Randomness;

namespace OnlineRecs.Cluster.Tests.Retraining;

/// <summary>
/// A stream with known structure: users and items fall into clusters, a user rates items of its own cluster high
/// and a few others low, every item carries <c>genre=g{cluster}</c> and every user <c>segment=s{cluster}</c>.
/// </summary>
internal sealed class ClusteredStream(int clusters = 4, int users = 120, int items = 80, int eventsPerUser = 24, ulong seed = 7)
{
    public int ClusterOf(int id) => id % clusters;

    public EntityMetadata[] Metadata() =>
    [
        .. Enumerable.Range(1, items).Select(i => new EntityMetadata(EntityKind.Item, i, [$"genre=g{i % clusters}"], $"Item {i}")),
        .. Enumerable.Range(1, users).Select(u => new EntityMetadata(EntityKind.User, u, [$"segment=s{u % clusters}"], null)),
    ];

    /// <summary>The events in stream order: rounds in which every user rates one item.</summary>
    public RatingEvent[] Events()
    {
        var random = new FastRandom(seed);
        var events = new List<RatingEvent>();
        for (var round = 0; round < eventsPerUser; round++)
            for (var u = 1; u <= users; u++)
            {
                var liked = random.Next(5) != 0;
                var item = 1 + random.Next(items);
                while ((item % clusters == u % clusters) != liked) item = 1 + random.Next(items);
                events.Add(new RatingEvent(u, item, liked ? 5f : 1f, round));
            }
        return [.. events];
    }
}
