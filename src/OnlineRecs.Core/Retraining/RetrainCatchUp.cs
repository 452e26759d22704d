using OnlineRecs.Core.Hybrid;
using OnlineRecs.Core.Online;
using OnlineRecs.Core.Randomness;
using OnlineRecs.Core.Sparse;

namespace OnlineRecs.Core.Retraining;

/// <summary>How the cluster learns one positive event online, which the catch-up repeats.</summary>
/// <param name="Online">The online loss, learning rate and seed.</param>
/// <param name="OnlineSteps">Loss steps for a user's first positive; a user with n positives takes this/√n.</param>
/// <param name="RehearsalSteps">Loss steps per event on the user's earlier positives.</param>
/// <param name="Recent">The user's recent items as context (length 0: none).</param>
public sealed record CatchUpSettings(HybridOptions Online, int OnlineSteps, int RehearsalSteps, RecentItemsContext Recent);

/// <summary>
/// Learns the positives that arrived while a full retrain was fitting on top of its result, with the cluster's own
/// per-event steps (<see cref="Online.OnlineSteps"/> loss steps, then rehearsals of the user's earlier positives), off the
/// grains' threads. What is left for the live learner to re-apply when the version is installed is then only what
/// arrived during this catch-up, so ingest waits for a few groups instead of for every event of the fit.
/// </summary>
public static class RetrainCatchUp
{
    /// <param name="fitted">The model as of <paramref name="input"/>'s first <paramref name="firstNewer"/> positives.</param>
    /// <param name="input">Everything up to now; its positives from <paramref name="firstNewer"/> on are the newer ones, in stream order.</param>
    public static RetrainedModel Learn(RetrainedModel fitted, RetrainInput input, int firstNewer, CatchUpSettings settings)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstNewer);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstNewer, input.Positives.Length);
        var options = settings.Online;
        var (users, items) = (SnapshotSide.Users(input), SnapshotSide.Items(input));
        var userSpace = HybridLayout.Vocabulary(fitted.Users, fitted.UserFeatures);
        var itemSpace = HybridLayout.Vocabulary(fitted.Items, fitted.ItemFeatures, options.ItemIdentityWeight);
        var userRows = userSpace.Build(input.Users, input.UserMetadata, users.HasPositive);
        var itemRows = itemSpace.Build(input.Items, input.ItemMetadata, items.HasPositive);
        var model = new HybridModel(options);
        HybridLayout.Import(model.Users, userSpace, options.Schedule, fitted.Users, fitted.UserFeatures);
        HybridLayout.Import(model.Items, itemSpace, options.Schedule, fitted.Items, fitted.ItemFeatures);

        var newer = input.Positives.AsSpan(firstNewer);
        var history = new PositiveHistory(input.Positives.AsSpan(0, firstNewer), newer, users, items);
        var catalogue = new CsrItemCatalogue(itemRows);
        var rehearsals = new FastRandom(SplitMix64.Mix(options.Seed ^ (ulong)firstNewer));
        foreach (var p in newer)
        {
            var (user, item) = (users.RowOf(p.UserId), items.RowOf(p.ItemId));
            // As a user grain learns: in the context of the user's positives before this one.
            var arrivals = history.Arrivals(user);
            var (features, weights) = RecentItemsContext.Extend(FeatureRow.Of(userRows, user), settings.Recent.Of(arrivals), userSpace);
            var (positives, order) = history.Add(user, item, p.ItemId);
            var row = new FeatureRow(features, weights);
            model.LearnEvent(row, item, p.Weight, catalogue, positives, Online.OnlineSteps.For(settings.OnlineSteps, positives.Count));
            if (order.Count < 2) continue;
            // As a user grain rehearses: earlier positives drawn uniformly, the one just learned left out.
            for (var step = 0; step < settings.RehearsalSteps; step++)
                model.LearnEvent(row, order[rehearsals.Next(order.Count - 1)], 1f, catalogue, positives);
        }
        return HybridLayout.Export(model, userSpace, itemSpace, input, users, items, fitted.EpochLosses);
    }

    /// <summary>
    /// The positive item rows of each user who has newer positives, as a set and in arrival order (a repeat keeps its
    /// first place), and their item ids in that order; only those users', so that a round costs little more than its
    /// newer events.
    /// </summary>
    private sealed class PositiveHistory
    {
        private readonly Dictionary<int, (HashSet<int> Set, List<int> Order, List<int> Ids)> _byUser = [];

        public PositiveHistory(ReadOnlySpan<SnapshotPositive> earlier, ReadOnlySpan<SnapshotPositive> newer, SnapshotSide users, SnapshotSide items)
        {
            var learning = new HashSet<int>();
            foreach (var p in newer) learning.Add(p.UserId);
            foreach (var p in earlier)
                if (learning.Contains(p.UserId)) Add(users.RowOf(p.UserId), items.RowOf(p.ItemId), p.ItemId);
        }

        public IReadOnlyList<int> Arrivals(int user) => _byUser.TryGetValue(user, out var history) ? history.Ids : [];

        public (HashSet<int> Set, List<int> Order) Add(int user, int item, int itemId)
        {
            if (!_byUser.TryGetValue(user, out var history)) _byUser[user] = history = ([], [], []);
            if (history.Set.Add(item))
            {
                history.Order.Add(item);
                history.Ids.Add(itemId);
            }
            return (history.Set, history.Order);
        }
    }

    /// <summary>Every item of the snapshot as a candidate, its features a row of the item matrix.</summary>
    private sealed class CsrItemCatalogue(CsrMatrix rows) : IItemCatalogue
    {
        public int Count => rows.Rows;

        public int FeatureCount => rows.Cols;

        public int Draw(ref FastRandom random) => random.Next(rows.Rows);

        public FeatureRow Row(int item) => new(rows.RowColumns(item), rows.RowValues(item));
    }
}
