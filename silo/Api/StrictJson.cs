using OnlineRecs.Abstractions.Events;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using OnlineRecs.Grains.Ingest;

namespace OnlineRecs.Silo.Api;

/// <summary>
/// Request bodies read strictly: unknown fields, numbers in strings and missing required fields are errors, and
/// an NDJSON body is read line by line so a bad line is reported by its number.
/// </summary>
public static class StrictJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public const string NdjsonType = "application/x-ndjson";

    /// <summary>One JSON object, a JSON array of them, or NDJSON (one per line), up to <paramref name="maxRecords"/>.</summary>
    public static async Task<List<T>> ReadRecords<T>(HttpRequest request, int maxRecords, CancellationToken cancellation)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(cancellation);
        var records = new List<T>();
        var trimmed = body.AsSpan().TrimStart();
        if (request.ContentType?.StartsWith(NdjsonType, StringComparison.OrdinalIgnoreCase) != true && trimmed.StartsWith("["))
        {
            records.AddRange(Parse<T[]>(body, "The body") ?? []);
        }
        else
        {
            var line = 0;
            foreach (var text in body.Split('\n'))
            {
                line++;
                if (string.IsNullOrWhiteSpace(text)) continue;
                if (records.Count == maxRecords)
                    throw new InvalidInputException($"The body holds more than {maxRecords} records.");
                records.Add(Parse<T>(text, $"Line {line}") ?? throw new InvalidInputException($"Line {line} is null."));
            }
        }
        if (records.Count == 0) throw new InvalidInputException("The body holds no records.");
        if (records.Count > maxRecords) throw new InvalidInputException($"The body holds {records.Count} records; at most {maxRecords} are accepted.");
        return records;
    }

    public static async Task<T> ReadObject<T>(HttpRequest request, CancellationToken cancellation)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(cancellation);
        return Parse<T>(body, "The body") ?? throw new InvalidInputException("The body is empty or null.");
    }

    private static T? Parse<T>(string json, string where)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options);
        }
        catch (JsonException e)
        {
            throw new InvalidInputException($"{where} is not valid: {e.Message}");
        }
    }
}
