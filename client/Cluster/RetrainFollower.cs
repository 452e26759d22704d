using OnlineRecs.Abstractions.Retraining;

namespace OnlineRecs.Client.Cluster;

/// <summary>Starts a full retrain on a cluster and follows it until its new version is live.</summary>
public static class RetrainFollower
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Starts a retrain, or joins the one already running, and returns the status once the model version has moved
    /// past what it was; <paramref name="onStatus"/> sees every status polled meanwhile.
    /// </summary>
    public static async Task<RetrainStatus> Run(IClusterConnection cluster, string? algorithm, Action<RetrainStatus>? onStatus,
        CancellationToken cancellation)
    {
        var before = await cluster.RetrainStatus(cancellation);
        await cluster.StartRetrain(algorithm, cancellation);
        var target = before.ModelVersion + 1;
        while (true)
        {
            var status = await cluster.RetrainStatus(cancellation);
            onStatus?.Invoke(status);
            if (!status.Running && status.ModelVersion >= target) return status;
            if (!status.Running && status.LastError is not null) throw new ClusterException($"the retrain failed: {status.LastError}");
            await Task.Delay(Poll, cancellation);
        }
    }
}
