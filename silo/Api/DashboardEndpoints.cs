using OnlineRecs.Abstractions.Grains;
using OnlineRecs.Abstractions.Retraining;
using OnlineRecs.Grains.Telemetry;

namespace OnlineRecs.Silo.Api;

/// <summary>
/// The live training page at <c>/dashboard</c> (static files shipped beside the binary, no CDN) and the JSON it polls
/// every second at <c>/dashboard/data</c>.
/// </summary>
public static class DashboardEndpoints
{
    public static void Map(WebApplication app)
    {
        // /dashboard/ serves index.html; without the slash the page's relative paths would miss, so redirect first.
        app.Use((context, next) =>
        {
            if (context.Request.Path.Value != "/dashboard") return next(context);
            context.Response.Redirect("/dashboard/");
            return Task.CompletedTask;
        });
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapGet("/dashboard/data", Data)
            .Produces<DashboardData>()
            .WithSummary("What the live training page shows: ingest, online loss, live HR@10, query latency, retrains");
    }

    private static async Task<DashboardData> Data(RecommenderMetrics metrics, IGrainFactory grains, HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        var retrain = await grains.GetGrain<IRetrainCoordinatorGrain>(0).Status();
        var (p50, p99, count) = metrics.QueryLatency.Percentiles();
        return new DashboardData(
            DateTimeOffset.UtcNow,
            metrics.EventsIngested,
            metrics.EventsRejected,
            metrics.IngestRate.PerSecond(),
            metrics.OnlineLoss,
            metrics.LiveHitRate.HitRate,
            metrics.LiveHitRate.Evaluated,
            new QueryLatency(p50, p99, count),
            retrain.ModelVersion,
            metrics.Users,
            metrics.Items,
            new RetrainProgressView(retrain.Phase, retrain.Algorithm, retrain.Epoch, retrain.Epochs, retrain.Loss, retrain.ElapsedSeconds,
                retrain.LastError),
            [.. retrain.History.Select(r => new RetrainHistoryView(r.Version, r.Algorithm, r.StartedAt, r.Seconds, r.EpochLosses))]);
    }

    public sealed record DashboardData(
        DateTimeOffset Time,
        long EventsIngested,
        long EventsRejected,
        double EventsPerSecond,
        double? OnlineLoss,
        double? LiveHitRate,
        long LiveHitRateEvaluated,
        QueryLatency QueryLatencyMs,
        long ModelVersion,
        int Users,
        int Items,
        RetrainProgressView Retrain,
        RetrainHistoryView[] Retrains);

    public sealed record QueryLatency(double? P50, double? P99, int Count);

    public sealed record RetrainProgressView(RetrainPhase State, string? Algorithm, int Epoch, int Epochs, double? Loss, double ElapsedSeconds,
        string? LastError);

    /// <summary>A completed retrain; <c>epochLosses[0]</c> is epoch 1.</summary>
    public sealed record RetrainHistoryView(long Version, string Algorithm, DateTimeOffset StartedAt, double Seconds, double[] EpochLosses);
}
