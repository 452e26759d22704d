using OnlineRecs.Abstractions.Grains;
using OnlineRecs.Abstractions.Http;
using OnlineRecs.Abstractions.Serving;
using OnlineRecs.Grains.Ingest;

namespace OnlineRecs.Silo.Api;

/// <summary>The read side: recommendations, similar items and users, cold start, and the model's summary.</summary>
public static class QueryEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/users/{id}/recommendations", Recommend)
            .AddEndpointFilter(new QueryTiming("recommendations"))
            .Produces<RecommendationsResponse>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Top-K items for a user, from the freshest vectors");
        app.MapGet("/items/{id}/similar", SimilarItems)
            .AddEndpointFilter(new QueryTiming("similar-items"))
            .Produces<SimilarItemsResponse>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Items closest to an item (cosine)");
        app.MapGet("/users/{id}/similar", SimilarUsers)
            .AddEndpointFilter(new QueryTiming("similar-users"))
            .Produces<SimilarUsersResponse>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Users closest to a user (cosine)");
        app.MapPost("/recommendations/cold-start", ColdStart)
            .AddEndpointFilter(new QueryTiming("cold-start"))
            .Accepts<ColdStartRequest>("application/json").Produces<RecommendationsResponse>()
            .WithSummary("Top-K for a user known only by metadata");
        app.MapGet("/model", (IGrainFactory grains) => grains.GetGrain<IIngestGrain>(0).Summary())
            .Produces<ModelSummary>()
            .WithSummary("Model version, counts, last update and retrain progress");
    }

    private static async Task<IResult> Recommend(string id, string? k, string? excludeSeen, string? feature, IGrainFactory grains)
    {
        var userId = QueryParameters.Id(id, "user id");
        var request = new RecommendationRequest(QueryParameters.K(k), QueryParameters.Flag(excludeSeen, "excludeSeen", true),
            QueryParameters.Feature(feature));
        var found = await grains.GetGrain<IUserGrain>(userId).Recommend(request);
        return found is null
            ? NotFound($"User {userId} has neither events nor metadata.")
            : Results.Ok(new RecommendationsResponse(userId, found.ModelVersion, found.Items));
    }

    private static async Task<IResult> SimilarItems(string id, string? k, IGrainFactory grains)
    {
        var itemId = QueryParameters.Id(id, "item id");
        var found = await grains.GetGrain<IModelIndexGrain>(0).SimilarItems(itemId, QueryParameters.K(k));
        return found is null
            ? NotFound($"Item {itemId} is unknown.")
            : Results.Ok(new SimilarItemsResponse(itemId, found.ModelVersion, found.Items));
    }

    private static async Task<IResult> SimilarUsers(string id, string? k, IGrainFactory grains)
    {
        var userId = QueryParameters.Id(id, "user id");
        var found = await grains.GetGrain<IModelIndexGrain>(0).SimilarUsers(userId, QueryParameters.K(k));
        return found is null
            ? NotFound($"User {userId} is unknown.")
            : Results.Ok(new SimilarUsersResponse(userId, found.ModelVersion, [.. found.Items.Select(u => new UserScore(u.ItemId, u.Score))]));
    }

    private static async Task<RecommendationsResponse> ColdStart(HttpRequest request, IGrainFactory grains, CancellationToken cancellation)
    {
        var body = await StrictJson.ReadObject<ColdStartRequest>(request, cancellation);
        QueryParameters.K(body.K.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var query = body.Profile.ToQuery(body.K);
        InputValidation.CheckFeatures(query.UserFeatures, "cold-start user");
        InputValidation.CheckFeatures(query.LikedItemFeatures, "cold-start genres");
        var found = await grains.GetGrain<IModelIndexGrain>(0).ColdStart(query);
        return new RecommendationsResponse(null, found.ModelVersion, found.Items);
    }

    private static IResult NotFound(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);
}
