using Microsoft.Extensions.Options;
using OnlineRecs.Abstractions.Events;
using OnlineRecs.Abstractions.Http;
using OnlineRecs.Grains.Ingest;

namespace OnlineRecs.Silo.Api;

/// <summary>
/// <c>POST /events[?ack=durable|learned][&amp;dryRun=true]</c>: one event, a JSON array, or NDJSON with up to 10,000;
/// answered once all are durable (the default; each user's own answers already wait for its events), or once the model
/// has learned them. A dry run is checked and answered the same way with nothing logged (last sequence 0): a producer
/// validates its data, or opens its connections and pays its one-time costs before its first real batch.
/// </summary>
public static class EventEndpoints
{
    public static void Map(WebApplication app) =>
        app.MapPost("/events", Ingest)
            .AddEndpointFilter<ApiKeyFilter>()
            .Accepts<EventRecord>("application/json", StrictJson.NdjsonType)
            .Produces<IngestResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Ingest rating events (or, with dryRun=true, only validate them)");

    private static async Task<IngestResponse> Ingest(HttpRequest request, string? ack, string? dryRun, EventPipeline pipeline,
        IOptions<IngestOptions> options, CancellationToken cancellation)
    {
        var untilLearned = ack switch
        {
            null or "durable" => false,
            "learned" => true,
            _ => throw new InvalidInputException($"ack must be durable or learned, not '{ack}'."),
        };
        var onlyValidate = dryRun switch
        {
            null or "false" => false,
            "true" => true,
            _ => throw new InvalidInputException($"dryRun must be true or false, not '{dryRun}'."),
        };
        var records = await StrictJson.ReadRecords<EventRecord>(request, options.Value.MaxEventsPerRequest, cancellation);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        // The first event with an id out of range is reported; no message is built for the events that pass.
        var bad = records.FindIndex(r => !InputValidation.IsId(r.UserId) || !InputValidation.IsId(r.ItemId));
        if (bad >= 0)
        {
            InputValidation.CheckId(records[bad].UserId, $"Event {bad + 1}: userId");
            InputValidation.CheckId(records[bad].ItemId, $"Event {bad + 1}: itemId");
        }
        RatingEvent[] events = [.. records.Select(r => r.ToEvent(now))];
        var receipt = onlyValidate ? pipeline.Validate(events) : await pipeline.Ingest(events, cancellation);
        if (untilLearned && !onlyValidate) await pipeline.WhenLearned(receipt.LastSequence, cancellation);
        return new IngestResponse(receipt.Accepted, receipt.Positives, receipt.LastSequence);
    }
}
