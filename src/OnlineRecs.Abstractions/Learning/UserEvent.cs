namespace OnlineRecs.Abstractions.Learning;

/// <summary>One logged event as its user grain receives it: the log sequence makes replays repeatable.</summary>
[GenerateSerializer, Immutable]
public sealed record UserEvent(
    [property: Id(0)] long Sequence,
    [property: Id(1)] int ItemId,
    [property: Id(2)] float Rating,
    [property: Id(3)] long Timestamp,
    [property: Id(4)] float Weight);
