using OnlineRecs.Abstractions.Events;
using OnlineRecs.Abstractions.Serving;

namespace OnlineRecs.Abstractions.Grains;

/// <summary>
/// Where producers and operators reach the cluster (a stateless worker on every silo, key 0): events return once
/// they are in the silo's durable log. Their users' own answers wait for them to be learned (read-your-writes); what
/// everyone sees follows within a learning group, and <see cref="WhenLearned"/> waits for that.
/// </summary>
public interface IIngestGrain : IGrainWithIntegerKey
{
    /// <summary>Validates and logs the events, to be learned in log order; a batch with any bad event is refused whole.</summary>
    Task<IngestReceipt> Ingest(RatingEvent[] events);

    /// <summary>
    /// A dry run of <see cref="Ingest"/>: refuses the batch as it would, or returns the receipt it would give with
    /// nothing logged (<see cref="IngestReceipt.LastSequence"/> 0).
    /// </summary>
    Task<IngestReceipt> Validate(RatingEvent[] events);

    /// <summary>Logs and applies the records; returns once they are learned.</summary>
    Task<IngestReceipt> SetMetadata(EntityMetadata[] metadata);

    /// <summary>Returns once the model has learned every record through <paramref name="sequence"/> (a receipt's last).</summary>
    Task WhenLearned(long sequence);

    /// <summary>The model's summary with the retrain coordinator's status.</summary>
    Task<ModelSummary> Summary();

    /// <summary>Asks the coordinator for a full retrain; false when one is already running.</summary>
    Task<bool> StartRetrain(string? algorithm);
}
