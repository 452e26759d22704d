namespace OnlineRecs.Bench.Measuring;

/// <summary>Relates each thread count's median to the one-thread median of the same benchmark and data set.</summary>
public static class ThreadScaling
{
    public static IReadOnlyList<Measurement> WithRatios(IReadOnlyList<Measurement> measurements) =>
        [.. measurements.Select(m => m.Threads != 1 && OneThreadMedian(measurements, m) is { } baseline
            ? m with { RatioToOneThread = m.Summary.Median / baseline }
            : m)];

    private static double? OneThreadMedian(IReadOnlyList<Measurement> measurements, Measurement of) =>
        measurements.FirstOrDefault(m => m.Dataset == of.Dataset && m.Benchmark == of.Benchmark && m.Threads == 1)?.Summary.Median;
}
