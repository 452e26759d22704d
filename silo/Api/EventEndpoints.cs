using Microsoft.Extensions.Options;
using OnlineRecs.Abstractions.Events;
using OnlineRecs.Abstractions.Http;
using OnlineRecs.Grains.Ingest;

namespace OnlineRecs.Silo.Api;

/// <summary>
/// <c>POST /events[?ack=durable|learned]</c>: one event, a JSON array, or NDJSON with up to 10,000; answered once all
/// are durable (the default; each user's own answers already wait for its events), or once the model has learned them.
/// </summary>
public static class EventEndpoints
{
    public static void Map(WebApplication app) =>
        app.MapPost("/events", Ingest)
            .AddEndpointFilter<ApiKeyFilter>()
            .Accepts<EventRecord>("application/json", StrictJson.NdjsonType)
            .Produces<IngestResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Ingest rating events");

    private static async Task<IngestResponse> Ingest(HttpRequest request, string? ack, EventPipeline pipeline, IOptions<IngestOptions> options,
        CancellationToken cancellation)
    {
        var untilLearned = ack switch
        {
            null or "durable" => false,
            "learned" => true,
            _ => throw new InvalidInputException($"ack must be durable or learned, not '{ack}'."),
        };
        var records = await StrictJson.ReadRecords<EventRecord>(request, options.Value.MaxEventsPerRequest, cancellation);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        for (var n = 0; n < records.Count; n++)
        {
            InputValidation.CheckId(records[n].UserId, $"Event {n + 1}: userId");
            InputValidation.CheckId(records[n].ItemId, $"Event {n + 1}: itemId");
        }
        var receipt = await pipeline.Ingest([.. records.Select(r => r.ToEvent(now))], cancellation);
        if (untilLearned) await pipeline.WhenLearned(receipt.LastSequence, cancellation);
        return new IngestResponse(receipt.Accepted, receipt.Positives, receipt.LastSequence);
    }
}
