namespace OnlineRecs.Grains.Telemetry;

/// <summary>HR@10 over the last <paramref name="window"/> evaluated events: live, so it follows the model as it learns.</summary>
public sealed class SlidingHitRate(int window = 1000)
{
    private readonly Lock _lock = new();
    private readonly bool[] _outcomes = new bool[window];
    private int _next;
    private int _count;
    private int _hits;
    private long _evaluated;

    public void Record(bool hit)
    {
        lock (_lock)
        {
            if (_count == _outcomes.Length && _outcomes[_next]) _hits--;
            _outcomes[_next] = hit;
            if (hit) _hits++;
            _next = (_next + 1) % _outcomes.Length;
            _count = Math.Min(_count + 1, _outcomes.Length);
            _evaluated++;
        }
    }

    /// <summary>Null before the first evaluated event.</summary>
    public double? HitRate
    {
        get { lock (_lock) return _count == 0 ? null : (double)_hits / _count; }
    }

    public long Evaluated
    {
        get { lock (_lock) return _evaluated; }
    }
}
