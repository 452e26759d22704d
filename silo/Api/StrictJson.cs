using System.Text.Json;
using System.Text.Json.Serialization;
using OnlineRecs.Abstractions.Events;

namespace OnlineRecs.Silo.Api;

/// <summary>
/// Request bodies read strictly: unknown fields, numbers in strings and missing required fields are errors, and
/// an NDJSON body is read line by line so a bad line is reported by its number. Bodies are parsed as the UTF-8 they
/// arrive in: decoding them to strings first and each line back again cost as much as the parse itself.
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

    private const int TrustedDeclaredLength = 1 << 20;

    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>One JSON object, a JSON array of them, or NDJSON (one per line), up to <paramref name="maxRecords"/>.</summary>
    public static async Task<List<T>> ReadRecords<T>(HttpRequest request, int maxRecords, CancellationToken cancellation) =>
        Records<T>(await Body(request, cancellation), IsNdjson(request.ContentType), maxRecords);

    public static async Task<T> ReadObject<T>(HttpRequest request, CancellationToken cancellation) =>
        Parse<T>((await Body(request, cancellation)).Span) ?? throw new InvalidInputException("The body is empty or null.");

    /// <summary>The records of a UTF-8 body: a JSON array unless the body is declared NDJSON, otherwise one per line.</summary>
    public static List<T> Records<T>(ReadOnlyMemory<byte> body, bool ndjson, int maxRecords)
    {
        var records = new List<T>();
        if (!ndjson && body.Span.TrimStart(" \t\r\n"u8).StartsWith("["u8))
        {
            records.AddRange(Parse<T[]>(body.Span) ?? []);
        }
        else
        {
            var rest = body.Span;
            var line = 0;
            while (!rest.IsEmpty)
            {
                var end = rest.IndexOf((byte)'\n');
                var text = end < 0 ? rest : rest[..end];
                rest = end < 0 ? [] : rest[(end + 1)..];
                line++;
                if (text.Trim(" \t\r"u8).IsEmpty) continue;
                if (records.Count == maxRecords)
                    throw new InvalidInputException($"The body holds more than {maxRecords} records.");
                records.Add(Parse<T>(text, line) ?? throw new InvalidInputException($"Line {line} is null."));
            }
        }
        if (records.Count == 0) throw new InvalidInputException("The body holds no records.");
        if (records.Count > maxRecords) throw new InvalidInputException($"The body holds {records.Count} records; at most {maxRecords} are accepted.");
        return records;
    }

    private static bool IsNdjson(string? contentType) => contentType?.StartsWith(NdjsonType, StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// The whole body, without a byte-order mark; Kestrel's request size limit bounds it. The declared length sizes the
    /// buffer only up to <see cref="TrustedDeclaredLength"/>: Kestrel refuses an oversized body as it is read, not before.
    /// </summary>
    private static async Task<ReadOnlyMemory<byte>> Body(HttpRequest request, CancellationToken cancellation)
    {
        var buffer = new MemoryStream(request.ContentLength is > 0 and <= TrustedDeclaredLength ? (int)request.ContentLength : 0);
        await request.Body.CopyToAsync(buffer, cancellation);
        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        return body.Span.StartsWith(ByteOrderMark) ? body[ByteOrderMark.Length..] : body;
    }

    /// <summary>The body's value, or line <paramref name="line"/>'s (from 1); named in the message only if it fails.</summary>
    private static T? Parse<T>(ReadOnlySpan<byte> json, int line = 0)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options);
        }
        catch (JsonException e)
        {
            throw new InvalidInputException($"{(line == 0 ? "The body" : $"Line {line}")} is not valid: {e.Message}");
        }
    }
}
