namespace OnlineRecs.Abstractions.Learning;

/// <summary>
/// One user's share of an ingest batch, in log order, with what the batch learns against: the items
/// as the index last published them and the user-side metadata features as last published. <see cref="Replays"/> are
/// earlier positives of the user's to learn from again, after its events.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record UserLearningBatch(
    [property: Id(0)] long BatchSequence,
    [property: Id(1)] UserEvent[] Events,
    [property: Id(2)] CandidateItemsMessage Candidates,
    [property: Id(3)] FeatureTableMessage UserFeatures,
    [property: Id(4)] int[] Replays);
