using OnlineRecs.Abstractions.Grains;
using OnlineRecs.Abstractions.Retraining;

namespace OnlineRecs.Cluster.Tests.Retraining;

internal static class RetrainWaiting
{
    /// <summary>Starts a retrain and waits until the coordinator reports version <c>before + 1</c> and is idle.</summary>
    public static async Task<RetrainStatus> RunToCompletion(this IGrainFactory grains, string algorithm, Func<Task>? meanwhile = null)
    {
        var coordinator = grains.GetGrain<IRetrainCoordinatorGrain>(0);
        var before = await coordinator.Status();
        Assert.True(await coordinator.Start(algorithm));
        if (meanwhile is not null) await meanwhile();
        return await UntilVersion(coordinator, before.ModelVersion + 1);
    }

    public static async Task<RetrainStatus> UntilVersion(IRetrainCoordinatorGrain coordinator, long version)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var status = await coordinator.Status();
            Assert.Null(status.LastError);
            if (!status.Running && status.ModelVersion >= version) return status;
            await Task.Delay(20);
        }
        throw new TimeoutException($"No model version {version} within a minute.");
    }
}
