namespace OnlineRecs.Bench.Measuring;

/// <summary>One benchmark at one thread count on one data set.</summary>
/// <param name="Benchmark">als, warp, bpr, or topk-10 over a named model's vectors.</param>
/// <param name="Unit">What <see cref="Summary"/> counts: seconds per iteration or epoch, or microseconds per query.</param>
/// <param name="InteractionsPerSecond">Training throughput at the median round, for the SGD models.</param>
/// <param name="TargetSeconds">The speed target for this row, where it sets one.</param>
public sealed record Measurement(
    string Dataset,
    string Benchmark,
    int Threads,
    string Unit,
    SampleSummary Summary,
    double? InteractionsPerSecond = null,
    double? TargetSeconds = null)
{
    /// <summary>This median over the median of the same benchmark at one thread, measured in the same run.</summary>
    public double? RatioToOneThread { get; init; }

    public bool? MeetsTarget => TargetSeconds is { } target ? Summary.Median <= target : null;
}
