namespace OnlineRecs.Abstractions.Serving;

/// <summary>
/// A user as the index must see it to rank for them: the identity vector and metadata (the index adds the
/// published metadata embeddings), its last positives oldest first (their <c>recent=</c> embeddings likewise), the
/// model version the vector belongs to, and the items to leave out.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record UserQuery(
    [property: Id(5)] int UserId,
    [property: Id(6)] long ModelVersion,
    [property: Id(0)] float[] Embedding,
    [property: Id(1)] float Bias,
    [property: Id(2)] string[] Metadata,
    [property: Id(3)] int[] Exclude,
    [property: Id(4)] RecommendationRequest Request,
    [property: Id(7)] int[] RecentItems);
