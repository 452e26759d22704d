using OnlineRecs.Abstractions.Events;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Diagnostics;
using OnlineRecs.Grains.Ingest;

namespace OnlineRecs.Silo.Api;

/// <summary>Turns what bad input and an unavailable silo throw into problem details with a status that says whose fault it is.</summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
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
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = exception.Message },
        });
    }
}
