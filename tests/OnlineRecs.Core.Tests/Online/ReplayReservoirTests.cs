using OnlineRecs.Core.Online;

namespace OnlineRecs.Core.Tests.Online;

public sealed class ReplayReservoirTests
{
    [Fact]
    public void It_keeps_every_positive_up_to_its_capacity_and_no_more()
    {
        var replays = new ReplayReservoir(capacity: 100, seed: 42);
        for (var n = 1; n <= 100; n++) replays.Offer(n, user: n, item: n);
        Assert.Equal(100, replays.Count);
        Assert.Equal(Enumerable.Range(1, 100), replays.Draw(10_000, seed: 1).Select(p => p.User).Distinct().Order());

        for (var n = 101; n <= 5_000; n++) replays.Offer(n, user: n, item: n);
        Assert.Equal(100, replays.Count);
        Assert.Equal(5_000, replays.Offered);
    }

    [Fact]
    public void Every_positive_offered_is_as_likely_to_stay_as_any_other()
    {
        // Algorithm R keeps the n-th offer with probability capacity/n; a sample that favoured late (or early) offers
        // would pull the kept positions' mean away from the middle of the stream.
        const int offered = 100_000, capacity = 2_000;
        var replays = new ReplayReservoir(capacity, seed: 7);
        for (var n = 0; n < offered; n++) replays.Offer(n, user: n, item: 0);

        var kept = replays.Draw(200_000, seed: 3).Select(p => p.User).Distinct().ToArray();
        Assert.Equal(capacity, kept.Length);
        Assert.InRange(kept.Average(), offered / 2 - 2_500, offered / 2 + 2_500);
        Assert.InRange(kept.Count(u => u < offered / 10), capacity / 10 - 70, capacity / 10 + 70);
    }

    [Fact]
    public void The_same_log_gives_the_same_sample_and_the_same_draws()
    {
        ReplayReservoir Fill()
        {
            var replays = new ReplayReservoir(capacity: 50, seed: 42);
            for (var n = 1; n <= 1_000; n++) replays.Offer(n, user: n % 37, item: n);
            return replays;
        }

        Assert.Equal(Fill().Draw(64, seed: 9), Fill().Draw(64, seed: 9));
        Assert.NotEqual(Fill().Draw(64, seed: 9), Fill().Draw(64, seed: 10));
    }

    [Fact]
    public void An_empty_sample_draws_nothing()
    {
        var replays = new ReplayReservoir(capacity: 10, seed: 42);
        Assert.Empty(replays.Draw(8, seed: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReplayReservoir(capacity: 0, seed: 42));
    }
}
