using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OnlineRecs.Grains.Telemetry;

namespace OnlineRecs.Silo.Api;

/// <summary>Guards write endpoints: when an API key is configured, the <c>X-Api-Key</c> header must carry it.</summary>
public sealed class ApiKeyFilter(IOptions<SiloHostOptions> options, RecommenderMetrics metrics) : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.Value.ApiKey;
        if (string.IsNullOrEmpty(expected)) return await next(context);
        var given = context.HttpContext.Request.Headers[Header].ToString();
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
        {
            metrics.Rejected(1, "unauthorized");
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: $"This endpoint needs the API key in the {Header} header.");
        }
        return await next(context);
    }
}
