using OnlineRecs.Abstractions.Events;
using OnlineRecs.Abstractions.Serving;

namespace OnlineRecs.Abstractions.Grains;

/// <summary>
/// Where producers and operators reach the cluster (a stateless worker on every silo, key 0): events return once
/// they are in the silo's durable log and applied to the model.
/// </summary>
public interface IIngestGrain : IGrainWithIntegerKey
{
    /// <summary>Validates, logs and applies the events; a batch with any bad event is refused whole.</summary>
    Task<IngestReceipt> Ingest(RatingEvent[] events);

    Task<IngestReceipt> SetMetadata(EntityMetadata[] metadata);

    /// <summary>The model's summary with the retrain coordinator's status.</summary>
    Task<ModelSummary> Summary();

    /// <summary>Asks the coordinator for a full retrain; false when one is already running.</summary>
    Task<bool> StartRetrain(string? algorithm);
}
