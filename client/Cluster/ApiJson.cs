using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OnlineRecs.Client.Cluster;

/// <summary>JSON as the silo's HTTP API writes and reads it, and what its RFC 7807 problem details say.</summary>
internal static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // The silo reads strictly: a null it was not expecting is an error, so leave absent values out.
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The problem's detail, else the status with the problem's title or the reason phrase.</summary>
    public static async Task<string> Problem(HttpResponseMessage response, CancellationToken cancellation)
    {
        ProblemDetails? problem = null;
        try
        {
            problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(Options, cancellation);
        }
        catch (JsonException)
        {
            // Not problem details (a proxy, another server): the status line is all there is to say.
        }
        return problem?.Detail ?? $"HTTP {(int)response.StatusCode} {problem?.Title ?? response.ReasonPhrase} from {response.RequestMessage?.RequestUri}";
    }

    private sealed record ProblemDetails(string? Title, string? Detail);
}
