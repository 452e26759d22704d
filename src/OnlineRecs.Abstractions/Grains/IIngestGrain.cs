using OnlineRecs.Abstractions.Events;
using OnlineRecs.Abstractions.Serving;

namespace OnlineRecs.Abstractions.Grains;

/// <summary>
/// Where producers hand events to the cluster (a stateless worker on every silo, key 0): it returns once the
/// events are in the silo's durable log and applied to the model.
/// </summary>
public interface IIngestGrain : IGrainWithIntegerKey
{
    /// <summary>Validates, logs and applies the events; a batch with any bad event is refused whole.</summary>
    Task<IngestReceipt> Ingest(RatingEvent[] events);

    Task<IngestReceipt> SetMetadata(EntityMetadata[] metadata);

    Task<ModelSummary> Summary();
}
