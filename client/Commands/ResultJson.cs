using System.Text.Json;

namespace OnlineRecs.Client.Commands;

/// <summary>The <c>--json</c> file every command writes: one indented object.</summary>
internal static class ResultJson
{
    public static void Write(string path, IReadOnlyDictionary<string, object?> result) =>
        File.WriteAllText(path, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
}
