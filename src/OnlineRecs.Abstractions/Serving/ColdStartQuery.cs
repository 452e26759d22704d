namespace OnlineRecs.Abstractions.Serving;

/// <summary>
/// Top-K for a user with no history: <paramref name="UserFeatures"/> (e.g. <c>gender=M</c>, <c>age=35-44</c>,
/// <c>occupation=artist</c>) place the user, and <paramref name="LikedItemFeatures"/> (e.g. <c>genre=Comedy</c>),
/// when given, keep only items that carry at least one of them.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ColdStartQuery(
    [property: Id(0)] string[] UserFeatures,
    [property: Id(1)] string[] LikedItemFeatures,
    [property: Id(2)] int K);
