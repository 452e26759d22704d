namespace OnlineRecs.Grains.Ingest;

/// <summary>
/// Calls made in order with at most <c>width</c> in flight, their results taken in the same order. A group's fan-out to
/// thousands of grains at once would queue thousands of turns on the thread pool ahead of every query that arrives
/// meanwhile; a window keeps that queue short while both cores stay busy.
/// </summary>
internal static class CallWindow
{
    public static async IAsyncEnumerable<T> InOrder<T>(int count, int width, Func<int, Task<T>> call)
    {
        var window = new Queue<Task<T>>(Math.Min(count, width));
        var next = 0;
        while (next < count && window.Count < width) window.Enqueue(call(next++));
        while (window.TryDequeue(out var oldest))
        {
            var result = await oldest;
            // Orleans queues a called grain's turn on the calling worker's own queue, which the thread pool serves before
            // its global queue, where HTTP requests arrive: a window that refills from there keeps a worker to itself for
            // the whole fan-out. Each next call goes out from the global queue instead, in turn with the requests.
            await Task.Yield();
            if (next < count) window.Enqueue(call(next++));
            yield return result;
        }
    }
}
