using OnlineRecs.Abstractions.Events;
using OnlineRecs.Abstractions.Retraining;
using OnlineRecs.Abstractions.Serving;

namespace OnlineRecs.Client.Cluster;

/// <summary>
/// What the CLI asks of a running cluster, whichever way it is reached. Failures the user can act on come as
/// <see cref="ClusterException"/>: <see cref="ClusterUnreachableException"/> when no answer came at all.
/// </summary>
public interface IClusterConnection : IAsyncDisposable
{
    /// <summary>Where the connection points, e.g. <c>gateway 127.0.0.1:30000</c>.</summary>
    string Target { get; }

    /// <summary>Returns once the events are durable, or with <paramref name="untilLearned"/> once the model has learned them.</summary>
    Task<IngestReceipt> Ingest(RatingEvent[] events, CancellationToken cancellation, bool untilLearned = false);

    /// <summary>
    /// Sends dry runs of full batches (validated, not logged), one for each connection a replay may use at once: the
    /// one-time costs of a first batch, on both sides, are paid here rather than by the first events of a stream.
    /// </summary>
    Task PrepareToIngest(int batchSize, CancellationToken cancellation);

    Task<IngestReceipt> SetMetadata(EntityMetadata[] records, CancellationToken cancellation);

    /// <summary>Returns once the model has learned every record through <paramref name="sequence"/> (a receipt's last).</summary>
    Task WhenLearned(long sequence, CancellationToken cancellation);

    /// <summary>Null when the user has neither events nor metadata.</summary>
    Task<ScoredItems?> Recommend(int userId, RecommendationRequest request, CancellationToken cancellation);

    /// <summary>Null when the item is unknown.</summary>
    Task<ScoredItems?> SimilarItems(int itemId, int k, CancellationToken cancellation);

    /// <summary>Null when the user is unknown; the listed ids are user ids.</summary>
    Task<ScoredItems?> SimilarUsers(int userId, int k, CancellationToken cancellation);

    Task<ScoredItems> ColdStart(ColdStartProfile profile, int k, CancellationToken cancellation);

    Task<ModelSummary> Summary(CancellationToken cancellation);

    /// <summary>Starts a full retrain (null: the configured algorithm); false when one is already running.</summary>
    Task<bool> StartRetrain(string? algorithm, CancellationToken cancellation);

    Task<RetrainStatus> RetrainStatus(CancellationToken cancellation);
}
