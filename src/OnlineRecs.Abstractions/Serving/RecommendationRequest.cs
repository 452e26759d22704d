namespace OnlineRecs.Abstractions.Serving;

/// <summary>
/// Top-<paramref name="K"/> for a user; <paramref name="Feature"/> (e.g. <c>genre=Comedy</c>) keeps only
/// items that have it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RecommendationRequest(
    [property: Id(0)] int K,
    [property: Id(1)] bool ExcludeSeen = true,
    [property: Id(2)] string? Feature = null)
{
    public const int MaxK = 1000;
}
