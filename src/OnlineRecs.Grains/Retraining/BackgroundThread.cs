using System.Runtime.InteropServices;

namespace OnlineRecs.Grains.Retraining;

/// <summary>
/// Runs CPU-heavy work on a dedicated thread that the OS schedules below the silo's own: on Linux the thread (and the
/// worker threads it starts, which inherit it) gets a higher nice value, so a retrain takes the CPU that ingest and
/// queries leave idle instead of competing with them. Elsewhere, or where the call is refused, it runs at normal priority.
/// </summary>
public static partial class BackgroundThread
{
    private const int PriorityOfProcess = 0; // PRIO_PROCESS with a thread id names that one thread on Linux

    public static Task<T> Run<T>(Func<T> work, int nice, string name)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            Lower(nice);
            try { done.SetResult(work()); }
            catch (Exception e) { done.SetException(e); }
        }) { IsBackground = true, Name = name };
        thread.Start();
        return done.Task;
    }

    private static void Lower(int nice)
    {
        if (nice <= 0 || !OperatingSystem.IsLinux()) return;
        try
        {
            _ = SetPriority(PriorityOfProcess, GetThreadId(), nice);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // An unusual libc: the work runs at normal priority, which is only slower for its neighbours.
        }
    }

    [LibraryImport("libc", EntryPoint = "setpriority")]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();
}
