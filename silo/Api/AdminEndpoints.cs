using OnlineRecs.Abstractions.Grains;
using OnlineRecs.Abstractions.Retraining;

namespace OnlineRecs.Silo.Api;

/// <summary>Operators' endpoints: start a full retrain and follow it.</summary>
public static class AdminEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/admin/retrain", Start)
            .AddEndpointFilter<ApiKeyFilter>()
            .Produces<RetrainStatus>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Start a full retrain (algorithm als, warp or bpr; the configured one when absent)");
        app.MapGet("/admin/retrain", (IGrainFactory grains) => grains.GetGrain<IRetrainCoordinatorGrain>(0).Status())
            .Produces<RetrainStatus>()
            .WithSummary("The running retrain's phase, epoch and loss, the model version and recent retrains");
    }

    private static async Task<IResult> Start(string? algorithm, IGrainFactory grains)
    {
        var coordinator = grains.GetGrain<IRetrainCoordinatorGrain>(0);
        if (!await coordinator.Start(algorithm))
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "A retrain is running",
                detail: "Only one full retrain runs at a time; follow it at GET /admin/retrain.");
        return Results.Accepted("/admin/retrain", await coordinator.Status());
    }
}
