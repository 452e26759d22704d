using System.Diagnostics;
using OnlineRecs.Grains.Telemetry;

namespace OnlineRecs.Silo.Api;

/// <summary>Times a query endpoint into <c>onlinerecs.query.duration</c>, tagged with the endpoint's name, inside its own span.</summary>
public sealed class QueryTiming(string endpoint) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        using var activity = RecommenderTracing.Source.StartActivity($"query {endpoint}");
        var started = Stopwatch.GetTimestamp();
        var result = await next(context);
        context.HttpContext.RequestServices.GetRequiredService<RecommenderMetrics>().Queried(endpoint, Stopwatch.GetElapsedTime(started).TotalSeconds);
        return result;
    }
}
