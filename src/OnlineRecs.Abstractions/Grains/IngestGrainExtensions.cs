using OnlineRecs.Abstractions.Events;

namespace OnlineRecs.Abstractions.Grains;

public static class IngestGrainExtensions
{
    /// <summary>Ingests the events and returns once the model has learned them: every answer, not just their users', reflects them.</summary>
    public static async Task<IngestReceipt> IngestLearned(this IIngestGrain ingest, RatingEvent[] events)
    {
        var receipt = await ingest.Ingest(events);
        await ingest.WhenLearned(receipt.LastSequence);
        return receipt;
    }
}
