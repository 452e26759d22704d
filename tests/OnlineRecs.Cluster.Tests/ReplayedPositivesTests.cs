using OnlineRecs.Abstractions.Grains;
using static OnlineRecs.Cluster.Tests.ClusterFixture;

namespace OnlineRecs.Cluster.Tests;

/// <summary>Each group replays earlier positives through their users, so a user whose history ended keeps learning.</summary>
public sealed class ReplayedPositivesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "onlinerecs-replayed", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData(8, true)]
    [InlineData(0, false)]
    public async Task A_user_with_no_event_in_a_group_learns_from_its_replayed_positive(int replaysPerPositive, bool learns)
    {
        await using var cluster = await Start(_folder, new Dictionary<string, string?>
        {
            ["OnlineRecs:Learning:ReplaysPerPositive"] = replaysPerPositive.ToString(),
        });
        var ingest = cluster.Client.GetGrain<IIngestGrain>(0);
        var earlier = cluster.Client.GetGrain<IUserGrain>(1);
        await ingest.IngestLearned([Event(user: 1, item: 11), Event(user: 1, item: 12)]);
        var before = await earlier.Snapshot();

        // The only positives in the sample are user 1's, so every replay this group draws is one of them.
        await ingest.IngestLearned([Event(user: 2, item: 13)]);

        var after = await earlier.Snapshot();
        Assert.Equal(before.Rated, after.Rated);
        Assert.Equal(learns, !before.Embedding.SequenceEqual(after.Embedding));
    }
}
