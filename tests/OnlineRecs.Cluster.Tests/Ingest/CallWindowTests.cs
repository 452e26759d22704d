using OnlineRecs.Grains.Ingest;

namespace OnlineRecs.Cluster.Tests.Ingest;

/// <summary>A group's fan-out keeps at most its window of calls in flight and hands results back in call order.</summary>
public sealed class CallWindowTests
{
    [Fact]
    public async Task Results_come_in_call_order_with_no_more_than_the_window_in_flight()
    {
        var (inFlight, most) = (0, 0);
        var random = new Random(3);
        async Task<int> Call(int n)
        {
            var now = Interlocked.Increment(ref inFlight);
            lock (random) most = Math.Max(most, now);
            await Task.Delay(random.Next(3)); // later calls often finish before earlier ones
            Interlocked.Decrement(ref inFlight);
            return n * 10;
        }

        var results = new List<int>();
        await foreach (var result in CallWindow.InOrder(50, 4, Call)) results.Add(result);

        Assert.Equal(Enumerable.Range(0, 50).Select(n => n * 10), results);
        Assert.InRange(most, 2, 4);
    }

    [ThreadStatic] private static bool t_insideFirstStep;

    [Fact]
    public async Task Calls_that_complete_at_once_still_refill_the_window_from_the_thread_pool()
    {
        // Refilled inline, a window of finished calls would run the whole fan-out on the caller's thread, ahead of every
        // request that waits in the thread pool's global queue.
        var madeInline = new bool[3];
        var calls = CallWindow.InOrder(3, 2, n =>
        {
            madeInline[n] = t_insideFirstStep;
            return Task.FromResult(n);
        }).GetAsyncEnumerator();
        t_insideFirstStep = true;
        var first = calls.MoveNextAsync();
        t_insideFirstStep = false;
        Assert.True(await first);
        while (await calls.MoveNextAsync()) { }
        await calls.DisposeAsync();

        Assert.Equal([true, true, false], madeInline);
    }

    [Fact]
    public async Task No_calls_give_no_results()
    {
        var calls = 0;
        await foreach (var _ in CallWindow.InOrder(0, 8, n => Task.FromResult(++calls))) { }
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task A_failed_call_fails_the_fan_out()
    {
        var results = new List<int>();
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var r in CallWindow.InOrder(5, 2, n => n == 2 ? Task.FromException<int>(new InvalidOperationException("item 2")) : Task.FromResult(n)))
                results.Add(r);
        });
        Assert.Equal([0, 1], results);
    }
}
