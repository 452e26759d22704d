namespace OnlineRecs.Abstractions.Learning;

/// <summary>
/// An entity's identity vector as its grain last published it. After an ingest batch, within a silo, the embedding is the
/// grain's own memory, not a copy (the index copies it before the entity can learn again), so it is read at once and not kept.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record IdentityVector(
    [property: Id(0)] int Id,
    [property: Id(1)] ReadOnlyMemory<float> Embedding,
    [property: Id(2)] float Bias);

/// <summary>Everything one ingest batch changed that the serving index must see.</summary>
[GenerateSerializer, Immutable]
public sealed record IndexUpdate(
    [property: Id(0)] long Sequence,
    [property: Id(1)] IdentityVector[] Items,
    [property: Id(2)] IdentityVector[] Users,
    [property: Id(3)] FeatureTableMessage UserFeatures,
    [property: Id(4)] FeatureTableMessage ItemFeatures,
    [property: Id(5)] int Events);
