using System.Diagnostics;

namespace OnlineRecs.Grains.Telemetry;

/// <summary>Events per second over the last few seconds, from the running count sampled as events arrive.</summary>
public sealed class EventRate
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(200);

    private readonly Lock _lock = new();
    private readonly Queue<(long Time, long Count)> _samples = new();
    private long _count;

    public void Add(long events)
    {
        lock (_lock)
        {
            _count += events;
            var now = Stopwatch.GetTimestamp();
            if (_samples.Count == 0 || Stopwatch.GetElapsedTime(_samples.Last().Time, now) >= SampleEvery) _samples.Enqueue((now, _count));
            Trim(now);
        }
    }

    public double PerSecond()
    {
        lock (_lock)
        {
            var now = Stopwatch.GetTimestamp();
            Trim(now);
            if (_samples.Count == 0) return 0;
            var (time, count) = _samples.Peek();
            var seconds = Stopwatch.GetElapsedTime(time, now).TotalSeconds;
            return seconds < 0.5 ? 0 : (_count - count) / seconds;
        }
    }

    // One sample older than the window stays as the baseline the rate is measured from.
    private void Trim(long now)
    {
        while (_samples.Count > 1 && Stopwatch.GetElapsedTime(_samples.ElementAt(1).Time, now) > Window) _samples.Dequeue();
    }
}
