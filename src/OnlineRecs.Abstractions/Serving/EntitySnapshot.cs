namespace OnlineRecs.Abstractions.Serving;

/// <summary>A user grain's state as it stands, for inspection.</summary>
[GenerateSerializer, Immutable]
public sealed record UserSnapshot(
    [property: Id(0)] int UserId,
    [property: Id(1)] float[] Embedding,
    [property: Id(2)] float Bias,
    [property: Id(3)] int[] Rated,
    [property: Id(4)] int[] Positives,
    [property: Id(5)] string[] Metadata);

/// <summary>An item grain's state as it stands, for inspection.</summary>
[GenerateSerializer, Immutable]
public sealed record ItemSnapshot(
    [property: Id(0)] int ItemId,
    [property: Id(1)] float[] Embedding,
    [property: Id(2)] float Bias,
    [property: Id(3)] string[] Metadata,
    [property: Id(4)] string? Title,
    [property: Id(5)] long Updates);
