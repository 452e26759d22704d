using Microsoft.Extensions.Options;
using OnlineRecs.Abstractions.Events;
using OnlineRecs.Abstractions.Grains;
using OnlineRecs.Abstractions.Learning;
using OnlineRecs.Abstractions.Serving;
using OnlineRecs.Core.Online;
using OnlineRecs.Core.Scoring;

namespace OnlineRecs.Grains.Index;

/// <summary>
/// The serving index. It keeps the copies that user, item and feature-table grains publish after each ingest batch
/// and answers top-K, similar-item, similar-user and cold-start queries with the core library's exact SIMD scan.
/// Everything in it is derived from the event log, which rebuilds it on restart; it is kept alive so it never
/// has to be rebuilt while the silo runs.
/// </summary>
[KeepAlive]
public sealed class ModelIndexGrain(IOptions<OnlineLearningOptions> options) : Grain, IModelIndexGrain
{
    private readonly IndexedItems _items = new(options.Value.Factors, options.Value.Seed);
    private readonly IndexedUsers _users = new(options.Value.Factors);
    private readonly ItemExclusion _exclusion = new();
    private long _lastSequence;
    private long _eventsApplied;
    private DateTimeOffset? _lastUpdate;

    /// <summary>Full retrains (a later stage) move the version; online updates keep it.</summary>
    private long ModelVersion => 0;

    public Task<CandidateItemsMessage> Candidates(int[] batchItems, int sampleSize, ulong seed) =>
        Task.FromResult(_items.Candidates(batchItems, sampleSize, seed));

    public Task Publish(IndexUpdate update)
    {
        _items.SetFeatures(update.ItemFeatures);
        _users.SetFeatures(update.UserFeatures);
        foreach (var item in update.Items) _items.SetIdentity(item);
        foreach (var user in update.Users) _users.SetIdentity(user);
        _items.Refresh();
        _lastSequence = Math.Max(_lastSequence, update.Sequence);
        _eventsApplied += update.Events;
        _lastUpdate = DateTimeOffset.UtcNow;
        return Task.CompletedTask;
    }

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
        _items.Refresh();
        Span<float> q = stackalloc float[options.Value.Factors];
        var userBias = _users.Represent(query.Embedding, query.Bias, new MetadataRow(query.Metadata), q);
        _exclusion.Reset(RowsOf(query.Exclude));
        var filter = query.Request.Feature is { } feature ? _items.FilterFor([feature]) : null;
        var found = _items.Vectors.TopK(q, query.Request.K, _exclusion, filter);
        return Task.FromResult(Listed(found, userBias));
    }

    public Task<ScoredItems> ColdStart(ColdStartQuery query)
    {
        _items.Refresh();
        Span<float> q = stackalloc float[options.Value.Factors];
        var userBias = _users.Represent([], 0f, new MetadataRow(query.UserFeatures), q);
        var found = _items.Vectors.TopK(q, query.K, null, _items.FilterFor(query.LikedItemFeatures));
        return Task.FromResult(Listed(found, userBias));
    }

    public Task<ScoredItems?> SimilarItems(int itemId, int k)
    {
        _items.Refresh();
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
