using OnlineRecs.Abstractions.Events;
using OnlineRecs.Abstractions.Grains;
using OnlineRecs.Abstractions.Serving;
using Orleans.Concurrency;

namespace OnlineRecs.Grains.Ingest;

/// <summary>The gateway's way into the silo's <see cref="EventPipeline"/>: a stateless worker, so each silo serves it locally.</summary>
[StatelessWorker]
public sealed class IngestGrain(EventPipeline pipeline, IGrainFactory grains) : Grain, IIngestGrain
{
    public Task<IngestReceipt> Ingest(RatingEvent[] events) => pipeline.Ingest(events);

    public Task<IngestReceipt> SetMetadata(EntityMetadata[] metadata) => pipeline.SetMetadata(metadata);

    public Task<ModelSummary> Summary() => grains.GetGrain<IModelIndexGrain>(0).Summary();
}
