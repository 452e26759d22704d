namespace OnlineRecs.Abstractions.Events;

/// <summary>One interaction as producers send it: who rated what, how, and when (Unix seconds).</summary>
[GenerateSerializer, Immutable]
public sealed record RatingEvent(
    [property: Id(0)] int UserId,
    [property: Id(1)] int ItemId,
    [property: Id(2)] float Rating,
    [property: Id(3)] long Timestamp,
    [property: Id(4)] float Weight = 1f);
