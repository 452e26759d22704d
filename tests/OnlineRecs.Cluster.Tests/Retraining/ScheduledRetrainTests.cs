using OnlineRecs.Abstractions.Grains;
using static OnlineRecs.Cluster.Tests.ClusterFixture;

namespace OnlineRecs.Cluster.Tests.Retraining;

/// <summary>With <c>EveryEvents</c> set, the coordinator retrains by itself once that many new records are learned.</summary>
public sealed class ScheduledRetrainTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "onlinerecs-scheduled", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task A_retrain_runs_every_n_new_events_without_being_asked()
    {
        await using var cluster = await Start(_data, new Dictionary<string, string?>
        {
            ["OnlineRecs:Retrain:EveryEvents"] = "1000",
            ["OnlineRecs:Retrain:Algorithm"] = "bpr",
        });
        var ingest = cluster.Client.GetGrain<IIngestGrain>(0);
        var coordinator = cluster.Client.GetGrain<IRetrainCoordinatorGrain>(0);
        var events = new ClusteredStream().Events();

        await ingest.IngestLearned(events[..900]);
        await Task.Delay(1500);
        Assert.Equal(0, (await coordinator.Status()).ModelVersion);

        await ingest.IngestLearned(events[900..1200]);
        var status = await RetrainWaiting.UntilVersion(coordinator, 1);
        Assert.Equal("bpr", status.History[^1].Algorithm);
        Assert.Equal(1200, status.History[^1].SnapshotSequence);
    }
}
