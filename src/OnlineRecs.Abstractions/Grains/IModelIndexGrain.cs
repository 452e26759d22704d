using OnlineRecs.Abstractions.Events;
using OnlineRecs.Abstractions.Learning;
using OnlineRecs.Abstractions.Retraining;
using OnlineRecs.Abstractions.Serving;
using Orleans.Concurrency;

namespace OnlineRecs.Abstractions.Grains;

/// <summary>
/// The serving index (key 0): every item's vector for exact SIMD top-K and similar items, every user's
/// for similar users, the published metadata-feature tables, titles and item metadata for filters.
/// It holds copies that the owning grains publish; it owns no learned parameter.
/// </summary>
public interface IModelIndexGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// The batch's positive items (first, registering new ones) and a uniform sample of
    /// <paramref name="sampleSize"/> catalogue items drawn with <paramref name="seed"/>; a catalogue no larger than the
    /// sample comes whole, with the batch's items in it.
    /// </summary>
    Task<CandidateItemsMessage> Candidates(int[] positiveItems, int sampleSize, ulong seed);

    /// <summary>
    /// Takes a learned group's new vectors. The group's items (every item, when the item-feature table moved) are
    /// represented off the grain's turn and swapped in at once; queries interleave meanwhile and answer from the previous
    /// group's vectors. Only the learner calls it, one group after another, so it never interleaves with another write.
    /// </summary>
    [AlwaysInterleave]
    Task Publish(IndexUpdate update);

    /// <summary>Applies metadata records in order: features for filters and cold start, titles for answers.</summary>
    Task SetMetadata(EntityMetadata[] records);

    Task<ScoredItems> Recommend(UserQuery query);

    /// <summary>Null when the item is unknown.</summary>
    Task<ScoredItems?> SimilarItems(int itemId, int k);

    /// <summary>Null when the user is unknown.</summary>
    Task<ScoredItems?> SimilarUsers(int userId, int k);

    Task<ScoredItems> ColdStart(ColdStartQuery query);

    Task<ModelSummary> Summary();

    /// <summary>
    /// Replaces everything the index holds with a new model version. It interleaves with queries, which answer from
    /// the old version until the new one is built and swapped in at once; the learner is held meanwhile, so nothing
    /// else writes to the index.
    /// </summary>
    [AlwaysInterleave]
    Task Install(IndexInstall install);

    /// <summary>Every user and item id the index knows.</summary>
    Task<KnownEntities> Known();
}
