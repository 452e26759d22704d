using OnlineRecs.Abstractions.Grains;
using OnlineRecs.Core.Tests.Data;
using OnlineRecs.Grains.Ingest;
using Orleans.TestingHost;
using static OnlineRecs.Cluster.Tests.ClusterFixture;

namespace OnlineRecs.Cluster.Tests.Ingest;

/// <summary>A starting silo runs its event path once, on a user no event can name, and the model stays empty.</summary>
public sealed class EventPathWarmUpTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_fresh_silo_activates_its_reserved_user_and_learns_and_logs_nothing()
    {
        await using var cluster = await Start(_folder.Path);

        Assert.True(await ReservedUserIsActive(cluster));
        var summary = await cluster.Client.GetGrain<IIngestGrain>(0).Summary();
        Assert.Equal((0, 0, 0L, 0L), (summary.Users, summary.Items, summary.EventsApplied, summary.LastSequence));
        var known = await cluster.Client.GetGrain<IModelIndexGrain>(0).Known();
        Assert.Empty(known.Users);
        Assert.Equal(0, new FileInfo(Path.Combine(_folder.Path, EventLog.FileName)).Length);
        Assert.Equal(0, PipelineOf(cluster).EventsAcknowledged);
    }

    [Fact]
    public async Task With_the_warm_up_off_the_reserved_user_is_never_activated()
    {
        await using var cluster = await Start(_folder.Path, new Dictionary<string, string?> { ["OnlineRecs:Ingest:WarmUpOnStart"] = "false" });

        Assert.False(await ReservedUserIsActive(cluster));
    }

    private static async Task<bool> ReservedUserIsActive(InProcessTestCluster cluster)
    {
        var reserved = cluster.Client.GetGrain<IUserGrain>(EventPathWarmUp.ReservedUserId).GetGrainId();
        var active = await cluster.Client.GetGrain<IManagementGrain>(0).GetActiveGrains(reserved.Type);
        return active.Contains(reserved);
    }
}
