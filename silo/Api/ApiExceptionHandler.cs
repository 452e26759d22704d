using OnlineRecs.Abstractions.Events;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Diagnostics;
using OnlineRecs.Grains.Ingest;
using OnlineRecs.Grains.Telemetry;

namespace OnlineRecs.Silo.Api;

/// <summary>Turns what bad input and an unavailable silo throw into problem details with a status that says whose fault it is.</summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, RecommenderMetrics metrics) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            InvalidInputException or ArgumentException => (StatusCodes.Status400BadRequest, "Invalid input"),
            JsonException => (StatusCodes.Status400BadRequest, "Malformed JSON"),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request"),
            ChannelClosedException => (StatusCodes.Status503ServiceUnavailable, "The silo is shutting down"),
            _ => (0, ""),
        };
        if (status == 0) return false;
        CountRejection(context, exception, status);
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = exception.Message },
        });
    }

    /// <summary>
    /// A write refused before its events could be read and validated one by one (malformed JSON or NDJSON, unknown
    /// fields, ids out of range, a body too large) counts once, as a request.
    /// </summary>
    private void CountRejection(HttpContext context, Exception exception, int status)
    {
        if (context.Request.Method != HttpMethods.Post || exception.Data.Contains(RecommenderMetrics.CountedKey)) return;
        if (!context.Request.Path.StartsWithSegments("/events") && !context.Request.Path.StartsWithSegments("/metadata")) return;
        metrics.Rejected(1, status == StatusCodes.Status413PayloadTooLarge ? "too-large" : "bad-request");
    }
}
