using System.Net.Http.Headers;
using System.Text.Json;

namespace OnlineRecs.Client.Cluster;

/// <summary>A request body of one JSON object per line, the form the silo's bulk endpoints read.</summary>
internal static class NdjsonContent
{
    public static HttpContent Of<T>(IEnumerable<T> records)
    {
        var body = new MemoryStream();
        foreach (var record in records)
        {
            JsonSerializer.Serialize(body, record, ApiJson.Options);
            body.WriteByte((byte)'\n');
        }
        var content = new ByteArrayContent(body.GetBuffer(), 0, (int)body.Length);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        return content;
    }
}
