using System.Text.Json;
using System.Text.Json.Serialization;

namespace OnlineRecs.Bench.Reporting;

/// <summary>The machine-readable view of a <see cref="BenchReport"/>: one indented JSON document.</summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void Write(BenchReport report, Stream destination) => JsonSerializer.Serialize(destination, report, Options);
}
