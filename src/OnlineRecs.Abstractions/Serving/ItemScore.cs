namespace OnlineRecs.Abstractions.Serving;

/// <summary>One item in any answer that lists items (recommendations, similar items, similar users use the id for the user).</summary>
[GenerateSerializer, Immutable]
public sealed record ItemScore(
    [property: Id(0)] int ItemId,
    [property: Id(1)] float Score,
    [property: Id(2)] string? Title = null);

/// <summary>A ranked list and the model version that ranked it.</summary>
[GenerateSerializer, Immutable]
public sealed record ScoredItems(
    [property: Id(0)] long ModelVersion,
    [property: Id(1)] ItemScore[] Items);
