using Microsoft.Extensions.Options;
using OnlineRecs.Abstractions.Events;
using OnlineRecs.Abstractions.Grains;
using OnlineRecs.Abstractions.Learning;
using OnlineRecs.Abstractions.Retraining;
using OnlineRecs.Abstractions.Serving;
using OnlineRecs.Core.Hybrid;
using OnlineRecs.Core.Online;
using OnlineRecs.Core.Scoring;
using OnlineRecs.Grains.Telemetry;

namespace OnlineRecs.Grains.Index;

/// <summary>
/// The serving index. It keeps the copies that user, item and feature-table grains publish after each ingest batch
/// and answers top-K, similar-item, similar-user and cold-start queries with the core library's exact SIMD scan.
/// Everything in it is derived from the last model checkpoint and the event log, which rebuild it on restart; it is
/// kept alive so it never has to be rebuilt while the silo runs.
/// </summary>
[KeepAlive]
public sealed class ModelIndexGrain(IOptions<OnlineLearningOptions> options, RecommenderMetrics metrics) : Grain, IModelIndexGrain
{
    private IndexedItems _items = NewItems(options.Value);
    private IndexedUsers _users = new(options.Value.Factors);
    private readonly ItemExclusion _exclusion = new();
    private readonly RecentItemsContext _recent = options.Value.RecentItemsContext;
    private long _lastSequence;
    private long _eventsApplied;
    private DateTimeOffset? _lastUpdate;

    /// <summary>The full retrain the served vectors descend from; online updates keep it, a retrain moves it.</summary>
    private long ModelVersion { get; set; }

    public Task<CandidateItemsMessage> Candidates(int[] batchItems, int sampleSize, ulong seed) =>
        Task.FromResult(_items.Candidates(batchItems, sampleSize, seed));

    public async Task Publish(IndexUpdate update)
    {
        _items.SetFeatures(update.ItemFeatures);
        foreach (var item in update.Items) _items.SetIdentity(item);
        await _items.RefreshOffTurn();
        // The users change with the items' swap, so no answer mixes this group's users with the last one's items.
        _users.SetFeatures(update.UserFeatures);
        foreach (var user in update.Users) _users.SetIdentity(user);
        _lastSequence = Math.Max(_lastSequence, update.Sequence);
        _eventsApplied += update.Events;
        _lastUpdate = DateTimeOffset.UtcNow;
        metrics.ModelSize(_users.Count, _items.Count);
    }

    public async Task Install(IndexInstall install)
    {
        // Built off the grain's turn, so queries go on answering from the old version meanwhile; the swap is one step.
        var (items, users) = await Task.Run(() => Build(install));
        (_items, _users) = (items, users);
        ModelVersion = install.Version;
        _lastSequence = install.Sequence;
        _eventsApplied = install.EventsApplied;
        _lastUpdate = DateTimeOffset.UtcNow;
        metrics.ModelSize(_users.Count, _items.Count);
    }

    private (IndexedItems, IndexedUsers) Build(IndexInstall install)
    {
        var items = NewItems(options.Value);
        var users = new IndexedUsers(options.Value.Factors);
        foreach (var m in install.Metadata)
        {
            if (m.Kind == EntityKind.User) users.SetMetadata(m.Id, m.Features);
            else items.SetMetadata(m.Id, m.Features, m.Title);
        }
        items.SetFeatures(install.ItemFeatures);
        users.SetFeatures(install.UserFeatures);
        foreach (var item in install.Items) items.SetIdentity(item);
        foreach (var user in install.Users) users.SetIdentity(user);
        items.Refresh();
        return (items, users);
    }

    private static IndexedItems NewItems(OnlineLearningOptions o) => new(o.Factors, o.Seed, o.ItemIdentityWeight);

    public Task<KnownEntities> Known() => Task.FromResult(new KnownEntities([.. _users.Ids], [.. _items.Ids]));

    public Task SetMetadata(EntityMetadata[] records)
    {
        foreach (var m in records)
        {
            if (m.Kind == EntityKind.User) _users.SetMetadata(m.Id, m.Features);
            else _items.SetMetadata(m.Id, m.Features, m.Title);
        }
        return Task.CompletedTask;
    }

    public Task<ScoredItems> Recommend(UserQuery query)
    {
        Span<float> q = stackalloc float[options.Value.Factors];
        // While a new version is being installed a user grain may be a version ahead of or behind the index;
        // the index then ranks with its own copy of the user, so no answer mixes two versions.
        var (embedding, bias) = query.ModelVersion == ModelVersion ? (query.Embedding, query.Bias) : _users.IdentityOf(query.UserId);
        var userBias = _users.Represent(embedding, bias, new MetadataRow(query.Metadata).With(_recent.Of(query.RecentItems)), q);
        _exclusion.Reset(RowsOf(query.Exclude));
        var filter = query.Request.Feature is { } feature ? _items.FilterFor([feature]) : null;
        var found = _items.Vectors.TopK(q, query.Request.K, _exclusion, filter);
        return Task.FromResult(Listed(found, userBias));
    }

    public Task<ScoredItems> ColdStart(ColdStartQuery query)
    {
        Span<float> q = stackalloc float[options.Value.Factors];
        var userBias = _users.Represent([], 0f, new MetadataRow(query.UserFeatures), q);
        var found = _items.Vectors.TopK(q, query.K, null, _items.FilterFor(query.LikedItemFeatures));
        return Task.FromResult(Listed(found, userBias));
    }

    public Task<ScoredItems?> SimilarItems(int itemId, int k)
    {
        if (!_items.TryGetRow(itemId, out var row)) return Task.FromResult<ScoredItems?>(null);
        return Task.FromResult<ScoredItems?>(Listed(_items.Vectors.SimilarItems(row, k), 0f));
    }

    public Task<ScoredItems?> SimilarUsers(int userId, int k)
    {
        var found = _users.Similar(userId, k);
        return Task.FromResult(found is null ? null : new ScoredItems(ModelVersion, [.. found.Select(u => new ItemScore(u.UserId, u.Score))]));
    }

    public Task<ModelSummary> Summary() => Task.FromResult(new ModelSummary(ModelVersion, _users.Count, _items.Count,
        _eventsApplied, _lastSequence, _lastUpdate, options.Value.Factors, options.Value.Loss));

    private ScoredItems Listed(ScoredItem[] found, float userBias) => new(ModelVersion,
        [.. found.Select(s => new ItemScore(_items.IdOf(s.Item), s.Score + userBias, _items.TitleOf(s.Item)))]);

    private int[] RowsOf(int[] itemIds)
    {
        var rows = new List<int>(itemIds.Length);
        foreach (var id in itemIds)
            if (_items.TryGetRow(id, out var row)) rows.Add(row);
        return [.. rows];
    }
}
