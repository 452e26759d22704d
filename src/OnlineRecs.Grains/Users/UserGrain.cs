using Microsoft.Extensions.Options;
using OnlineRecs.Abstractions.Grains;
using OnlineRecs.Abstractions.Learning;
using OnlineRecs.Abstractions.Retraining;
using OnlineRecs.Abstractions.Serving;
using OnlineRecs.Core.Hybrid;
using OnlineRecs.Core.Online;
using OnlineRecs.Core.Randomness;
using Orleans.Concurrency;

namespace OnlineRecs.Grains.Users;

/// <summary>
/// One user. It owns its identity embedding, bias and their AdaGrad sums, and steps them itself on every
/// positive event; the gradients for items and shared metadata features go back to the batch for their owners.
/// Reentrant, so that learning reaches a user whose query waits for it (read-your-writes); every method but the
/// queries runs without an await, so each still runs whole, and a query reads the state just before its call to the index.
/// </summary>
[Reentrant]
public sealed class UserGrain(
    [PersistentState("user", ModelStorage.Name)] IPersistentState<UserState> state,
    IOptions<OnlineLearningOptions> options,
    ClusterAcknowledgements acknowledgements,
    IGrainFactory grains) : Grain, IUserGrain
{
    // A learner that has fallen this far behind an acknowledgement has failed; the query fails rather than hang.
    private static readonly TimeSpan LearnedWait = TimeSpan.FromSeconds(30);

    private readonly OnlineLearningOptions _options = options.Value;
    private readonly HybridOptions _hybrid = options.Value.ToHybridOptions();
    private readonly RecentItemsContext _recent = options.Value.RecentItemsContext;
    private MetadataRow? _metadataRow;

    // The user's row with its recent items, made again only when a new positive moves them: one row object lets the
    // learner keep its summed metadata vector across events (a repeat or a replay changes nothing in it).
    private MetadataRow? _rowInContext;
    private int _rowInContextPositives;

    // Read-your-writes: the queries waiting for this grain to learn more.
    private TaskCompletionSource? _learnedMore;

    private int UserId => (int)this.GetPrimaryKeyLong();

    private UserState State => state.State;

    private MetadataRow Metadata => _metadataRow ??= new MetadataRow(State.Metadata);

    /// <summary>The metadata row followed by the user's recent items as they stand.</summary>
    private MetadataRow RowInContext()
    {
        var order = State.PositiveOrder;
        if (_rowInContext is null || _rowInContextPositives != order.Count)
            (_rowInContext, _rowInContextPositives) = (Metadata.With(_recent.Of(order)), order.Count);
        return _rowInContext;
    }

    /// <summary>The identity embedding itself, empty while the user has no positive event.</summary>
    private ReadOnlyMemory<float> OwnEmbedding =>
        State.Parameters.Length == 0 ? ReadOnlyMemory<float>.Empty : new OwnParameters(State.Parameters).EmbeddingMemory;

    /// <summary>A copy of the identity embedding, for answers that may be read while the user learns on.</summary>
    private float[] Embedding => OwnEmbedding.ToArray();

    private float Bias => State.Parameters.Length == 0 ? 0f : new OwnParameters(State.Parameters).Bias;

    public Task<UserLearningResult> Learn(UserLearningBatch batch)
    {
        var s = State;
        UserEventLearner? learner = null;
        var rehearsals = new FastRandom(Seed(batch.BatchSequence) ^ 0x5245484541UL);
        foreach (var e in batch.Events)
        {
            if (e.Sequence <= s.LastSequence) continue;
            s.LastSequence = e.Sequence;
            s.Rated.Add(e.ItemId);
            if (!_options.IsPositive(e.Rating, e.Weight)) continue;
            // The event is learned in the context of the user's positives before it.
            var row = RowInContext();
            if (s.Positives.Add(e.ItemId)) s.PositiveOrder.Add(e.ItemId); // a repeated positive is learned again all the same
            if (s.Parameters.Length == 0) s.Parameters = OwnParameters.Initial(_hybrid.Factors, EntitySeeds.Users(_hybrid.Seed), UserId).Values;
            var stepping = LearnerWith(row);
            stepping.Learn(e.ItemId, e.Weight, OnlineSteps.For(_options.OnlineSteps, s.Positives.Count));
            Rehearse(stepping, ref rehearsals);
        }
        if (batch.Replays.Length > 0 && s.Parameters.Length > 0)
        {
            // Replays fit the user as queries see it, with its recent items as they are now, to the items as they are now.
            var replaying = LearnerWith(RowInContext());
            foreach (var item in batch.Replays)
                if (replaying.CanLearn(item)) replaying.Learn(item, 1f, _options.ReplaySteps);
        }

        _learnedMore?.SetResult();
        _learnedMore = null;

        // The sums go to the batch as they are (it returns their rows to the pool), not copied.
        var (itemGradients, featureGradients) = learner?.HandOverGradients() ?? (new(_hybrid.Factors, 0), new(_hybrid.Factors, 0));
        // The embedding itself, not a copy, as the items': the index copies it before the next group can move it.
        var result = new UserLearningResult(UserId, new(itemGradients), new(featureGradients), OwnEmbedding, Bias, s.Metadata,
            learner?.LossSum ?? 0, learner?.Updates ?? 0);
        learner?.Dispose();
        return Task.FromResult(result);

        // One learner for the whole batch, its user row switched as the user's recent items move.
        UserEventLearner LearnerWith(MetadataRow row)
        {
            learner ??= new UserEventLearner(_hybrid, new OwnParameters(s.Parameters), row, batch.UserFeatures.View,
                batch.Candidates.View, s.Positives, Seed(batch.BatchSequence));
            learner.Use(row);
            return learner;
        }
    }

    /// <summary>
    /// Completes once the user has learned every event of its acknowledged before the call: not the ones acknowledged
    /// meanwhile, or a user whose events keep coming would keep its queries waiting.
    /// </summary>
    private async Task LearnedAcknowledged()
    {
        var acknowledged = await acknowledgements.NewestUnlearned(UserId);
        while (State.LastSequence < acknowledged)
        {
            _learnedMore ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await _learnedMore.Task.WaitAsync(LearnedWait);
        }
    }

    /// <summary>Steps on earlier positives drawn uniformly; one outside this batch's candidates is skipped.</summary>
    private void Rehearse(UserEventLearner learner, ref FastRandom random)
    {
        var earlier = State.PositiveOrder;
        if (earlier.Count < 2) return;
        for (var step = 0; step < _options.RehearsalSteps; step++)
        {
            var item = earlier[random.Next(earlier.Count - 1)];
            if (learner.CanLearn(item)) learner.Learn(item, 1f, 1);
        }
    }

    private ulong Seed(long batchSequence) => SplitMix64.Mix((ulong)batchSequence * 0x9E3779B97F4A7C15UL ^ (ulong)UserId);

    public Task SetMetadata(string[] features)
    {
        State.Metadata = features;
        (_metadataRow, _rowInContext) = (null, null);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Takes this user's state in a new model version, as of the version's snapshot; the events after it are learned
    /// again on top. The seen items only grow, so items seen after the snapshot stay excluded meanwhile.
    /// </summary>
    public Task Install(UserInstall install)
    {
        var s = State;
        s.ModelVersion = install.Version;
        s.LastSequence = install.Sequence;
        s.Parameters = (float[])install.Parameters.Clone(); // the message is immutable and may be shared; learning steps in place
        s.Rated.UnionWith(install.Rated);
        s.Positives = [.. install.PositiveOrder];
        s.PositiveOrder = [.. install.PositiveOrder];
        s.Metadata = install.Metadata;
        (_metadataRow, _rowInContext) = (null, null);
        return Task.CompletedTask;
    }

    public async Task<ScoredItems?> Recommend(RecommendationRequest request)
    {
        await LearnedAcknowledged();
        return await RecommendNow(request);
    }

    /// <summary>The user's recommendations from the model as it stands, whatever is acknowledged and not yet learned.</summary>
    private async Task<ScoredItems?> RecommendNow(RecommendationRequest request)
    {
        var s = State;
        if (s.Rated.Count == 0 && s.Metadata.Length == 0) return null;
        var query = new UserQuery(UserId, s.ModelVersion, Embedding, Bias, s.Metadata, request.ExcludeSeen ? [.. s.Rated] : [], request,
            [.. s.PositiveOrder.TakeLast(_recent.Length)]);
        return await grains.GetGrain<IModelIndexGrain>(0).Recommend(query);
    }

    public async Task<bool?> WouldRecommend(int itemId, int k)
    {
        if (State.Positives.Count == 0 || State.Rated.Contains(itemId)) return null;
        var found = await RecommendNow(new RecommendationRequest(k));
        return found?.Items.Any(i => i.ItemId == itemId) ?? false;
    }

    public async Task<UserSnapshot> Snapshot()
    {
        await LearnedAcknowledged();
        return new UserSnapshot(UserId, Embedding, Bias, [.. State.Rated.Order()], [.. State.Positives.Order()], State.Metadata);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        state.KeepOnDeactivation(reason, cancellationToken);
}
