using Microsoft.Extensions.Options;
using OnlineRecs.Abstractions.Events;
using OnlineRecs.Abstractions.Grains;
using OnlineRecs.Abstractions.Learning;
using OnlineRecs.Core.Online;
using OnlineRecs.Core.Randomness;

namespace OnlineRecs.Grains.Ingest;

/// <summary>
/// Applies one logged group to the model through the grains that own it, in a fixed order so that a replay of the
/// log reproduces every parameter bit for bit:
/// 1. the index hands out the batch's items and a uniform sample of the catalogue (the negatives' pool);
/// 2. every user grain in the batch learns from its own events, a window of calls at a time, and so does every user an earlier
///    positive is replayed for (drawn from the <see cref="ReplayReservoir"/>, so old users keep in step with the items);
/// 3. their item gradients, summed per item, go to the item grains, one call per item;
/// 4. metadata-feature gradients, summed per feature, go to the two feature tables, one call each;
/// 5. the index takes the new vectors, so the next query sees them.
/// </summary>
public sealed class BatchLearning(IGrainFactory grains, IOptions<OnlineLearningOptions> options)
{
    private readonly OnlineLearningOptions _options = options.Value;
    private readonly GrainReferences<IUserGrain> _users = new(grains);
    private readonly GrainReferences<IItemGrain> _items = new(grains);
    private FeatureTableMessage? _userFeatures;
    private FeatureTableMessage? _itemFeatures;
    private ReplayReservoir _replays = new(options.Value.ReplayCapacity, options.Value.Seed);

    private IModelIndexGrain Index => grains.GetGrain<IModelIndexGrain>(0);
    private IFeatureTableGrain UserTable => grains.GetGrain<IFeatureTableGrain>(IFeatureTableGrain.Users);
    private IFeatureTableGrain ItemTable => grains.GetGrain<IFeatureTableGrain>(IFeatureTableGrain.Items);

    /// <summary>The loss summed over the steps of the last batch, and the number of steps, for telemetry.</summary>
    public (double LossSum, long Updates) LastLoss { get; private set; }

    /// <summary>Learns on from these tables, as a model version installs them.</summary>
    public void UseFeatureTables(FeatureTableMessage userFeatures, FeatureTableMessage itemFeatures) =>
        (_userFeatures, _itemFeatures) = (userFeatures, itemFeatures);

    /// <summary>The replay sample as of the end of <paramref name="groups"/>, a prefix of the log, for <see cref="UseReplays"/>.</summary>
    public ReplayReservoir ReplaysAfter(IEnumerable<LogGroup> groups)
    {
        var replays = new ReplayReservoir(_options.ReplayCapacity, _options.Seed);
        foreach (var group in groups) Remember(replays, group);
        return replays;
    }

    /// <summary>Learns on with this replay sample: the log's up to where the next group to learn starts.</summary>
    public void UseReplays(ReplayReservoir replays) => _replays = replays;

    public Task Apply(LogGroup group) => group.Events.Length > 0 ? Learn(group) : SetMetadata(group);

    private void Remember(ReplayReservoir replays, LogGroup group)
    {
        for (var n = 0; n < group.Events.Length; n++)
        {
            var e = group.Events[n];
            if (_options.IsPositive(e.Rating, e.Weight)) replays.Offer(group.FirstSequence + n, e.UserId, e.ItemId);
        }
    }

    private async Task Learn(LogGroup group)
    {
        var k = _options.Factors;
        _userFeatures ??= await UserTable.Current();
        _itemFeatures ??= await ItemTable.Current();

        var seed = SplitMix64.Mix(_options.Seed ^ (ulong)group.FirstSequence);
        var replays = _replays.Draw(_options.ReplaysPerPositive * group.Events.Count(e => _options.IsPositive(e.Rating, e.Weight)), seed);
        Remember(_replays, group);
        var items = group.Events.Select(e => e.ItemId).Concat(replays.Select(r => r.Item)).Distinct().ToArray();
        var candidates = await Index.Candidates(items, _options.CandidateSample, seed);

        var byUser = new Dictionary<int, (List<UserEvent> Events, List<int> Replays)>();
        for (var n = 0; n < group.Events.Length; n++)
        {
            var e = group.Events[n];
            ShareOf(byUser, e.UserId).Events.Add(new UserEvent(group.FirstSequence + n, e.ItemId, e.Rating, e.Timestamp, e.Weight));
        }
        foreach (var (user, item) in replays) ShareOf(byUser, user).Replays.Add(item);
        var shares = byUser.ToArray();
        var learning = CallWindow.InOrder(shares.Length, _options.CallsInFlight, n => _users[shares[n].Key]
            .Learn(new UserLearningBatch(group.FirstSequence, [.. shares[n].Value.Events], candidates, _userFeatures, [.. shares[n].Value.Replays])));

        // Summed in the users' order, always the same, as their results come in: a result's rows go back to the pool once
        // added, so a group's gradients are not all alive at once and the next users' learners reuse them.
        using var itemGradients = new GradientSums<int>(k, capacity: Math.Max(16, items.Length));
        using var userFeatureGradients = new GradientSums<string>(k);
        var users = new IdentityVector[shares.Length];
        var (lossSum, updates, learned) = (0.0, 0L, 0);
        await foreach (var user in learning)
        {
            user.ItemGradients.MoveInto(itemGradients);
            user.FeatureGradients.MoveInto(userFeatureGradients);
            users[learned++] = new IdentityVector(user.UserId, user.Embedding, user.Bias);
            (lossSum, updates) = (lossSum + user.LossSum, updates + user.Updates);
        }

        // Each item is handed its rows of the sums themselves (see ItemGradientBatch); they live until the group ends.
        var learnedItems = await CallWindow.InOrder(itemGradients.Count, _options.CallsInFlight, slot =>
            _items[itemGradients.Keys[slot]].Learn(new ItemGradientBatch(group.FirstSequence,
                itemGradients.GradientRow(slot), itemGradients.SquaresRow(slot),
                itemGradients.Bias(slot), itemGradients.BiasSquares(slot)))).ToArrayAsync();

        // ∂L/∂e_f = w_f ∂L/∂p_i: each item shares its gradient out to its metadata features by their weights.
        using var itemFeatureGradients = new GradientSums<string>(k);
        for (var slot = 0; slot < learnedItems.Length; slot++)
        {
            var item = learnedItems[slot];
            for (var f = 0; f < item.MetadataFeatures.Length; f++)
                itemFeatureGradients.AddSums(item.MetadataFeatures[f], item.MetadataWeights[f], itemGradients.Gradient(slot),
                    itemGradients.Squares(slot), itemGradients.Bias(slot), itemGradients.BiasSquares(slot));
        }

        var userTable = UserTable.Learn(group.FirstSequence, new(userFeatureGradients));
        var itemTable = ItemTable.Learn(group.FirstSequence, new(itemFeatureGradients));
        _userFeatures = await userTable;
        _itemFeatures = await itemTable;

        await Index.Publish(new IndexUpdate(group.LastSequence,
            [.. learnedItems.Select(i => new IdentityVector(i.ItemId, i.Embedding, i.Bias))],
            users,
            _userFeatures, _itemFeatures, group.Events.Length));
        LastLoss = (lossSum, updates);
    }

    private static (List<UserEvent> Events, List<int> Replays) ShareOf(Dictionary<int, (List<UserEvent>, List<int>)> byUser, int user)
    {
        if (!byUser.TryGetValue(user, out var share)) byUser[user] = share = ([], []);
        return share;
    }

    private async Task SetMetadata(LogGroup group)
    {
        // The last record for an entity wins, as it would applied one by one.
        var latest = group.Metadata.GroupBy(m => (m.Kind, m.Id)).Select(g => g.Last());
        await Task.WhenAll(latest.Select(m => m.Kind == EntityKind.User
            ? _users[m.Id].SetMetadata(m.Features)
            : _items[m.Id].SetMetadata(m.Features, m.Title)));
        await Index.SetMetadata(group.Metadata);
        _userFeatures = await UserTable.Ensure([.. group.Metadata.Where(m => m.Kind == EntityKind.User).SelectMany(m => m.Features).Distinct()]);
        _itemFeatures = await ItemTable.Ensure([.. group.Metadata.Where(m => m.Kind == EntityKind.Item).SelectMany(m => m.Features).Distinct()]);
        await Index.Publish(new IndexUpdate(group.LastSequence, [], [], _userFeatures, _itemFeatures, 0));
    }
}
