namespace OnlineRecs.Core.Evaluation;

/// <summary>Hits and evaluated events, overall and per tenth of the replay.</summary>
public sealed class PrequentialTally(int replayEvents)
{
    public const int Parts = 10;

    private readonly int[] _hits = new int[Parts];
    private readonly int[] _evaluated = new int[Parts];

    /// <summary>Records the outcome of the evaluated event at <paramref name="position"/> in the replay.</summary>
    public void Record(int position, bool hit)
    {
        var part = (int)((long)position * Parts / replayEvents);
        _evaluated[part]++;
        if (hit) _hits[part]++;
    }

    public int Hits => _hits.Sum();

    public int Evaluated => _evaluated.Sum();

    public double[] HitRateByPart() => [.. _hits.Select((h, p) => _evaluated[p] == 0 ? 0 : (double)h / _evaluated[p])];
}
