using OnlineRecs.Abstractions.Events;
using OnlineRecs.Grains.Ingest;

namespace OnlineRecs.Cluster.Tests;

/// <summary>The log keeps what was fsynced, in groups, and drops a torn tail that was never acknowledged.</summary>
public sealed class EventLogTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "onlinerecs-log-tests", Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Groups_come_back_as_written_with_their_sequences()
    {
        using (var log = EventLog.Open(_folder))
        {
            log.Append([new RatingEvent(1, 2, 4.5f, 100, 2f), new RatingEvent(3, 4, 1f, 101)], []);
            log.Append([], [new EntityMetadata(EntityKind.Item, 7, ["genre=Comedy", "year=1990s"], "Title ü"), new EntityMetadata(EntityKind.User, 8, [])]);
        }

        using var reopened = EventLog.Open(_folder);

        Assert.Equal(2, reopened.Recovered.Count);
        Assert.Equal(1, reopened.Recovered[0].FirstSequence);
        Assert.Equal(new RatingEvent(1, 2, 4.5f, 100, 2f), reopened.Recovered[0].Events[0]);
        Assert.Equal(3, reopened.Recovered[1].FirstSequence);
        var item = reopened.Recovered[1].Metadata[0];
        Assert.Equal(("Title ü", 7, EntityKind.Item), (item.Title, item.Id, item.Kind));
        Assert.Equal(["genre=Comedy", "year=1990s"], item.Features);
        Assert.Null(reopened.Recovered[1].Metadata[1].Title);
        Assert.Equal(5, reopened.NextSequence);
    }

    [Fact]
    public void Frames_a_mark_joins_come_back_as_one_group_and_a_read_goes_on_from_any_group_end_without_a_gap()
    {
        using (var log = EventLog.Open(_folder))
        {
            log.Append([Rating(1)], []);
            var joined = new[] { log.Append([Rating(2), Rating(3)], []), log.Append([Rating(4)], []) };
            log.Append([Rating(5)], []); // logged while the learner was about to take the two frames before it
            log.Mark(LogGroup.Join(joined));
            log.Append([Rating(6)], []);
        }

        using var reopened = EventLog.Open(_folder);

        Assert.Equal([(1L, 1), (2L, 3), (5L, 1), (6L, 1)], reopened.Recovered.Select(g => (g.FirstSequence, g.Count)));
        Assert.Equal([2, 3, 4], reopened.Recovered[1].Events.Select(e => e.UserId));
        var groups = reopened.ReadFrom(0);
        Assert.Equal(reopened.Recovered.Select(g => g.FirstSequence), groups.Select(g => g.Group.FirstSequence));
        for (var n = 0; n < groups.Count; n++)
            Assert.Equal(groups.Skip(n + 1).Select(g => g.Group.FirstSequence), reopened.ReadFrom(groups[n].End).Select(g => g.Group.FirstSequence));
        Assert.Equal(7, reopened.NextSequence);
    }

    [Fact]
    public void A_torn_tail_is_cut_off_and_appending_goes_on_after_the_last_whole_group()
    {
        using (var log = EventLog.Open(_folder)) log.Append([new RatingEvent(1, 2, 5f, 1)], []);
        var path = Path.Combine(_folder, EventLog.FileName);
        var whole = new FileInfo(path).Length;
        using (var file = new FileStream(path, FileMode.Append)) file.Write([40, 0, 0, 0, 1, 2, 3, 4, 9, 9]);

        using (var log = EventLog.Open(_folder))
        {
            Assert.Single(log.Recovered);
            Assert.Equal(whole, new FileInfo(path).Length);
            log.Append([new RatingEvent(5, 6, 5f, 2)], []);
        }

        using var reopened = EventLog.Open(_folder);
        Assert.Equal([1L, 2L], reopened.Recovered.Select(g => g.FirstSequence));
    }

    [Fact]
    public void A_corrupted_group_ends_the_log_there()
    {
        using (var log = EventLog.Open(_folder))
        {
            log.Append([new RatingEvent(1, 2, 5f, 1)], []);
            log.Append([new RatingEvent(3, 4, 5f, 2)], []);
        }
        var path = Path.Combine(_folder, EventLog.FileName);
        var bytes = File.ReadAllBytes(path);
        bytes[^3] ^= 0xFF;
        File.WriteAllBytes(path, bytes);

        using var reopened = EventLog.Open(_folder);

        Assert.Single(reopened.Recovered);
    }

    private static RatingEvent Rating(int user) => new(user, 1, 5f, user);
}
