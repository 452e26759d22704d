using OnlineRecs.Abstractions.Events;
using OnlineRecs.Abstractions.Learning;

namespace OnlineRecs.Abstractions.Retraining;

/// <summary>
/// A user's state in a new model version, as of log sequence <see cref="Sequence"/>: its identity parameters (empty
/// when the model represents it by metadata alone), the items it had rated and its positives in arrival order.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record UserInstall(
    [property: Id(6)] int UserId,
    [property: Id(0)] long Version,
    [property: Id(1)] long Sequence,
    [property: Id(2)] float[] Parameters,
    [property: Id(3)] int[] Rated,
    [property: Id(4)] int[] PositiveOrder,
    [property: Id(5)] string[] Metadata);

/// <summary>An item's state in a new model version, as of log sequence <see cref="Sequence"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record ItemInstall(
    [property: Id(5)] int ItemId,
    [property: Id(0)] long Version,
    [property: Id(1)] long Sequence,
    [property: Id(2)] float[] Parameters,
    [property: Id(3)] string[] Metadata,
    [property: Id(4)] string? Title);

/// <summary>One side's metadata-feature table in a new model version, each feature in the own-parameters layout.</summary>
[GenerateSerializer, Immutable]
public sealed record FeatureTableInstall(
    [property: Id(0)] long Version,
    [property: Id(1)] long Sequence,
    [property: Id(2)] string[] Names,
    [property: Id(3)] float[][] Parameters);

/// <summary>
/// Everything the serving index holds, in a new model version: it replaces the index's whole content in one turn,
/// so a query sees either the old version or the new one.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record IndexInstall(
    [property: Id(0)] long Version,
    [property: Id(1)] long Sequence,
    [property: Id(2)] long EventsApplied,
    [property: Id(3)] IdentityVector[] Users,
    [property: Id(4)] IdentityVector[] Items,
    [property: Id(5)] EntityMetadata[] Metadata,
    [property: Id(6)] FeatureTableMessage UserFeatures,
    [property: Id(7)] FeatureTableMessage ItemFeatures);

/// <summary>The ids the index knows, to find the entities that appeared after a snapshot.</summary>
[GenerateSerializer, Immutable]
public sealed record KnownEntities(
    [property: Id(0)] int[] Users,
    [property: Id(1)] int[] Items);
