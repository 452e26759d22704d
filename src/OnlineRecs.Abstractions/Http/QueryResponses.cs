using OnlineRecs.Abstractions.Serving;

namespace OnlineRecs.Abstractions.Http;

/// <summary><c>GET /users/{id}/recommendations</c> and <c>POST /recommendations/cold-start</c> (userId null).</summary>
public sealed record RecommendationsResponse(int? UserId, long ModelVersion, ItemScore[] Items);

/// <summary><c>GET /items/{id}/similar</c>.</summary>
public sealed record SimilarItemsResponse(int ItemId, long ModelVersion, ItemScore[] Items);

/// <summary>One user in a ranked list of users.</summary>
public sealed record UserScore(int UserId, float Score);

/// <summary><c>GET /users/{id}/similar</c>.</summary>
public sealed record SimilarUsersResponse(int UserId, long ModelVersion, UserScore[] Users);

/// <summary>The body of <c>POST /recommendations/cold-start</c>; <c>features</c> takes any other user feature names.</summary>
public sealed record ColdStartRequest(string? Gender = null, int? Age = null, string? Occupation = null,
    string[]? Genres = null, string[]? Features = null, int K = 10)
{
    public ColdStartProfile Profile => new(Gender, Age, Occupation, Genres, Features);
}
