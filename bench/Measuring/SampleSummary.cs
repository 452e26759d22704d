namespace OnlineRecs.Bench.Measuring;

/// <summary>Order statistics of repeated timings, in the unit they were taken in.</summary>
public sealed record SampleSummary(int Count, double Median, double P99, double Min, double Max)
{
    public static SampleSummary Of(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0) throw new ArgumentException("There is nothing to summarise without samples.", nameof(samples));
        var sorted = samples.Order().ToArray();
        return new SampleSummary(sorted.Length, Quantile(sorted, 0.5), Quantile(sorted, 0.99), sorted[0], sorted[^1]);
    }

    /// <summary>Linear interpolation between the closest ranks, so the median of an even count is the mean of the middle two.</summary>
    private static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
