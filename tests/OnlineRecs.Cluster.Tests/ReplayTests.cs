using OnlineRecs.Abstractions.Events;
using OnlineRecs.Abstractions.Grains;
using OnlineRecs.Abstractions.Serving;
using OnlineRecs.Grains.Ingest;
using static OnlineRecs.Cluster.Tests.ClusterFixture;

namespace OnlineRecs.Cluster.Tests;

/// <summary>The event log is the truth: a silo started on a copy of it learns exactly what the live silo learned.</summary>
public sealed class ReplayTests : IDisposable
{
    private readonly string _live = Path.Combine(Path.GetTempPath(), "onlinerecs-replay", Guid.NewGuid().ToString("N"));
    private readonly string _copy = Path.Combine(Path.GetTempPath(), "onlinerecs-replay", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        foreach (var folder in new[] { _live, _copy })
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_restarted_silo_replays_the_log_to_the_same_parameters_and_answers()
    {
        var users = Enumerable.Range(1, 12).ToArray();
        UserSnapshot[] liveUsers;
        ScoredItems?[] liveAnswers;
        ModelSummary liveSummary;
        // The learner takes every waiting frame together once any event waits (the live default waits for 4,096).
        await using (var live = await Start(_live, new Dictionary<string, string?> { ["OnlineRecs:Ingest:CatchUpBacklog"] = "1" }))
        {
            var ingest = live.Client.GetGrain<IIngestGrain>(0);
            await ingest.SetMetadata([new(Abstractions.Events.EntityKind.Item, 3, ["genre=Comedy"], "Three")]);
            // Rounds 0-2 are acknowledged while the learner is held, so it learns them as one group; 3 and 4 alone.
            await PipelineOf(live).Exclusive(async () =>
            {
                for (var round = 0; round < 3; round++) await ingest.Ingest(Round(round));
                return true;
            });
            for (var round = 3; round < 5; round++) await ingest.IngestLearned(Round(round));
            liveUsers = await Task.WhenAll(users.Select(u => live.Client.GetGrain<IUserGrain>(u).Snapshot()));
            liveAnswers = await Task.WhenAll(users.Select(u => live.Client.GetGrain<IUserGrain>(u).Recommend(new RecommendationRequest(5))));
            liveSummary = await live.Client.GetGrain<IModelIndexGrain>(0).Summary();
        }
        Directory.CreateDirectory(_copy);
        File.Copy(Path.Combine(_live, EventLog.FileName), Path.Combine(_copy, EventLog.FileName));
        using (var log = EventLog.Open(_copy))
            Assert.Equal([1, 3 * 2 * users.Length, 2 * users.Length, 2 * users.Length], log.Recovered.Select(g => g.Count));

        await using var restarted = await Start(_copy);

        var replayedUsers = await Task.WhenAll(users.Select(u => restarted.Client.GetGrain<IUserGrain>(u).Snapshot()));
        var replayedAnswers = await Task.WhenAll(users.Select(u => restarted.Client.GetGrain<IUserGrain>(u).Recommend(new RecommendationRequest(5))));
        var summary = await restarted.Client.GetGrain<IModelIndexGrain>(0).Summary();
        Assert.Equal((liveSummary.EventsApplied, liveSummary.LastSequence, liveSummary.Users, liveSummary.Items),
            (summary.EventsApplied, summary.LastSequence, summary.Users, summary.Items));
        for (var n = 0; n < users.Length; n++)
        {
            Assert.Equal(liveUsers[n].Embedding, replayedUsers[n].Embedding);
            Assert.Equal(liveUsers[n].Rated, replayedUsers[n].Rated);
            Assert.Equal(liveAnswers[n]!.Items, replayedAnswers[n]!.Items);
        }

        RatingEvent[] Round(int round) => [.. users.SelectMany(u => new[] { Event(u, (u * 7 + round) % 20), Event(u, (u + round) % 20, rating: 2f) })];
    }
}
