using OnlineRecs.Abstractions.Events;
using OnlineRecs.Abstractions.Grains;
using OnlineRecs.Abstractions.Serving;
using Orleans.TestingHost;
using static OnlineRecs.Cluster.Tests.ClusterFixture;

namespace OnlineRecs.Cluster.Tests.Retraining;

/// <summary>A retrain runs while events stream in: none is lost, queries stay on one version, a restart rebuilds the same model.</summary>
public sealed class RetrainRaceTests : IDisposable
{
    // Enough epochs that the fit is still running while the second half of the stream arrives.
    private static Dictionary<string, string?> SlowRetrain(int catchUpRounds) => new()
    {
        ["OnlineRecs:Retrain:Epochs"] = "150",
        ["OnlineRecs:Retrain:CatchUpRounds"] = catchUpRounds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private readonly string _live = Path.Combine(Path.GetTempPath(), "onlinerecs-retrain", Guid.NewGuid().ToString("N"));
    private readonly string _copy = Path.Combine(Path.GetTempPath(), "onlinerecs-retrain", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        foreach (var folder in new[] { _live, _copy })
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData(0)] // every newer event re-applied through the grains, ingest held
    [InlineData(3)] // learned off the grains first, only the last few groups through them
    public async Task Events_ingested_during_a_retrain_are_all_reflected_and_a_restart_from_its_checkpoint_rebuilds_the_same_model(int catchUpRounds)
    {
        var stream = new ClusteredStream(users: 300, items: 200, eventsPerUser: 40);
        var events = stream.Events();
        var users = Enumerable.Range(1, 300).ToArray();
        var sampled = users.Where(u => u % 25 == 0).ToArray();
        UserSnapshot[] liveUsers;
        ScoredItems?[] liveAnswers;
        await using (var live = await Start(_live, SlowRetrain(catchUpRounds)))
        {
            var ingest = live.Client.GetGrain<IIngestGrain>(0);
            await ingest.SetMetadata(stream.Metadata());
            foreach (var batch in events[..(events.Length / 2)].Chunk(500)) await ingest.IngestLearned(batch);

            var answered = new List<(int User, long Version)>();
            using var stopQueries = new CancellationTokenSource();
            var queries = QueryUntilStopped(live, sampled, answered, stopQueries.Token);
            var status = await live.Client.RunToCompletion("warp", async () =>
            {
                foreach (var batch in events[(events.Length / 2)..].Chunk(100)) await ingest.IngestLearned(batch);
            });
            await stopQueries.CancelAsync();
            await queries;

            Assert.Equal(1, status.ModelVersion);
            Assert.Single(status.History);
            var retrain = status.History[0];
            Assert.True(retrain.CaughtUpEvents > 0, "no event arrived while the retrain ran, so the race was not tested");
            if (catchUpRounds == 0) Assert.Equal(retrain.CaughtUpEvents, retrain.RelearnedEvents);
            else Assert.True(retrain.RelearnedEvents < retrain.CaughtUpEvents, $"{retrain.RelearnedEvents} of {retrain.CaughtUpEvents} through the grains");
            var summary = await live.Client.GetGrain<IModelIndexGrain>(0).Summary();
            Assert.Equal(1, summary.ModelVersion);
            Assert.Equal(events.Length, summary.EventsApplied);
            liveUsers = await Task.WhenAll(users.Select(u => live.Client.GetGrain<IUserGrain>(u).Snapshot()));
            foreach (var user in liveUsers)
            {
                var own = events.Where(e => e.UserId == user.UserId).ToArray();
                Assert.Equal(own.Select(e => e.ItemId).Distinct().Order(), user.Rated);
                Assert.Equal(own.Where(e => e.Rating >= 4).Select(e => e.ItemId).Distinct().Order(), user.Positives);
            }
            // Every answer comes from one version, and no user goes back to the old one once it saw the new one.
            foreach (var perUser in answered.GroupBy(a => a.User))
            {
                var versions = perUser.Select(a => a.Version).ToArray();
                Assert.All(versions, v => Assert.InRange(v, 0, 1));
                Assert.Equal(versions.Order(), versions);
            }
            liveAnswers = await Task.WhenAll(sampled.Select(u => live.Client.GetGrain<IUserGrain>(u).Recommend(new RecommendationRequest(10))));
            Assert.All(liveAnswers, a => Assert.Equal(1, a!.ModelVersion));
        }

        CopyDirectory(_live, _copy);
        await using var restarted = await Start(_copy, SlowRetrain(catchUpRounds));
        var restoredUsers = await Task.WhenAll(users.Select(u => restarted.Client.GetGrain<IUserGrain>(u).Snapshot()));
        var restoredAnswers = await Task.WhenAll(sampled.Select(u => restarted.Client.GetGrain<IUserGrain>(u).Recommend(new RecommendationRequest(10))));
        Assert.Equal(1, (await restarted.Client.GetGrain<IRetrainCoordinatorGrain>(0).Status()).ModelVersion);
        Assert.Equal(events.Length, (await restarted.Client.GetGrain<IModelIndexGrain>(0).Summary()).EventsApplied);
        for (var n = 0; n < users.Length; n++)
        {
            Assert.Equal(liveUsers[n].Embedding, restoredUsers[n].Embedding);
            Assert.Equal(liveUsers[n].Rated, restoredUsers[n].Rated);
        }
        for (var n = 0; n < sampled.Length; n++) Assert.Equal(liveAnswers[n]!.Items, restoredAnswers[n]!.Items);
    }

    private static async Task QueryUntilStopped(InProcessTestCluster cluster, int[] users, List<(int, long)> answered, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
            foreach (var user in users)
            {
                var found = await cluster.Client.GetGrain<IUserGrain>(user).Recommend(new RecommendationRequest(10));
                answered.Add((user, found!.ModelVersion));
            }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
