using Microsoft.Extensions.DependencyInjection;
using OnlineRecs.Abstractions.Grains;
using OnlineRecs.Abstractions.Serving;
using OnlineRecs.Core.Tests.Data;
using Orleans.Runtime.Placement;
using static OnlineRecs.Cluster.Tests.ClusterFixture;

namespace OnlineRecs.Cluster.Tests.Ingest;

/// <summary>
/// Two silos: the first acknowledges events of users whose grains the second hosts. No call tells those grains; they
/// ask the silos as a query comes, and answer only once they have learned every acknowledged event.
/// </summary>
public sealed class ReadYourWritesAcrossSilosTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_user_on_another_silo_answers_only_once_it_has_learned_what_the_first_acknowledged()
    {
        // A grain activates on the silo its first call comes from, so calls from the second silo place users there.
        await using var cluster = await Start(_folder.Path, silos: 2,
            configure: silo => silo.Services.AddSingleton<PlacementStrategy, PreferLocalPlacement>());
        var acknowledging = PipelineOf(cluster);
        var hosting = cluster.Silos[1].SiloHost.Services.GetRequiredService<IGrainFactory>();
        var active = hosting.GetGrain<IUserGrain>(900);
        var inactive = hosting.GetGrain<IUserGrain>(901);
        Assert.Empty((await active.Snapshot()).Rated); // active on the second silo before its event is acknowledged

        var (recommended, snapshot) = await acknowledging.Exclusive(async () =>
        {
            await acknowledging.Ingest([Event(900, 7101), Event(900, 7102), Event(901, 7103)]);
            var waiting = (active.Recommend(new RecommendationRequest(10)), inactive.Snapshot());
            await Task.Delay(300);
            Assert.False(waiting.Item1.IsCompleted || waiting.Item2.IsCompleted, "an answer came before the acknowledged event was learned");
            return waiting;
        });

        var (activeAfter, inactiveAfter) = (await active.Snapshot(), await snapshot);
        Assert.DoesNotContain((await recommended)!.Items, i => i.ItemId is 7101 or 7102);
        Assert.Equal([7101, 7102], activeAfter.Rated);
        Assert.Equal([7103], inactiveAfter.Rated);
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        foreach (var user in new[] { active, inactive })
            Assert.Equal(cluster.Silos[1].SiloAddress, await management.GetActivationAddress(user));
    }
}
