namespace OnlineRecs.Grains.Telemetry;

/// <summary>The last <paramref name="capacity"/> latencies, for percentiles of recent traffic on the live page.</summary>
public sealed class LatencyWindow(int capacity = 4096)
{
    private readonly Lock _lock = new();
    private readonly double[] _seconds = new double[capacity];
    private int _next;
    private int _count;

    public void Record(double seconds)
    {
        lock (_lock)
        {
            _seconds[_next] = seconds;
            _next = (_next + 1) % _seconds.Length;
            _count = Math.Min(_count + 1, _seconds.Length);
        }
    }

    /// <summary>p50 and p99 in milliseconds (null when empty) and how many latencies they are over.</summary>
    public (double? P50, double? P99, int Count) Percentiles()
    {
        double[] recent;
        lock (_lock) recent = _seconds[.._count];
        if (recent.Length == 0) return (null, null, 0);
        Array.Sort(recent);
        return (1000 * recent[(int)(0.50 * (recent.Length - 1))], 1000 * recent[(int)Math.Ceiling(0.99 * (recent.Length - 1))], recent.Length);
    }
}
