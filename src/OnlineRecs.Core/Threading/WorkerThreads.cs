using System.Runtime.ExceptionServices;

namespace OnlineRecs.Core.Threading;

/// <summary>
/// Runs one body on the calling thread plus dedicated threads. Sweeps take milliseconds, and a
/// thread pool that is busy or blocked (a test host, an actor runtime) can delay a queued worker by
/// longer than that, silently serializing the work; a dedicated thread costs tens of microseconds.
/// </summary>
internal static class WorkerThreads
{
    /// <summary>Calls <paramref name="body"/>(w) for w in 0..threads-1 concurrently; rethrows the first failure.</summary>
    public static void Run(int threads, Action<int> body)
    {
        if (threads == 1)
        {
            body(0);
            return;
        }

        ExceptionDispatchInfo? failure = null;
        void Guarded(int worker)
        {
            try { body(worker); }
            catch (Exception e) { Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null); }
        }

        var helpers = new Thread[threads - 1];
        for (var t = 0; t < helpers.Length; t++)
        {
            var worker = t + 1;
            helpers[t] = new Thread(() => Guarded(worker)) { IsBackground = true, Name = "OnlineRecs worker" };
            helpers[t].Start();
        }
        Guarded(0);
        foreach (var helper in helpers) helper.Join();
        failure?.Throw();
    }
}
