using System.Diagnostics;
using OnlineRecs.Bench.Data;
using OnlineRecs.Core.Data;
using OnlineRecs.Core.Hybrid;
using OnlineRecs.Core.Scoring;

namespace OnlineRecs.Bench.Benchmarks;

/// <summary>
/// Brings the selected code paths to their steady-state (tier-1, profile-guided) JIT code before anything
/// is timed. A warm-up round inside each fit is not enough on the small sets: tiering is driven by wall
/// time as well as call counts, and a 1-thread ALS fit on ml-latest-small sped up 2× over its first dozen
/// iterations, which made 2 threads look 3× faster than 1.
/// </summary>
public static class JitWarmUp
{
    private static readonly TimeSpan BudgetPerPath = TimeSpan.FromSeconds(1);

    private const int TopKQueries = 100_000;

    public static void Run(BenchSettings settings, Action<string> status)
    {
        status("JIT warm-up on a small synthetic set");
        var data = BenchDatasetLoader.Synthetic("JIT warm-up", new SyntheticDataOptions());
        foreach (var threads in settings.ThreadCounts)
        {
            if (settings.Suites.HasFlag(BenchSuite.Als)) WarmUpAls(data, threads);
            if (settings.Suites.HasFlag(BenchSuite.Warp)) WarmUpHybrid(data, LossKind.Warp, threads);
            if (settings.Suites.HasFlag(BenchSuite.Bpr)) WarmUpHybrid(data, LossKind.Bpr, threads);
        }
        if (!settings.Suites.HasFlag(BenchSuite.TopK)) return;

        var als = AlsBenchmark.CreateModel(threads: 1, iterations: 1);
        als.Fit(data.Train);
        var vectors = new TrainedVectors(AlsBenchmark.Name, als.UserFactors, ItemVectors.FromRows(BenchSettings.Factors, als.ItemFactors));
        TopKLatencyBenchmark.Run(data, vectors, TopKQueries, _ => { });
    }

    private static void WarmUpAls(BenchDataset data, int threads)
    {
        var als = AlsBenchmark.CreateModel(threads, iterations: 1);
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < BudgetPerPath) als.Fit(data.Train);
    }

    private static void WarmUpHybrid(BenchDataset data, LossKind loss, int threads)
    {
        var model = HybridEpochBenchmark.CreateModel(loss, threads);
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < BudgetPerPath) model.FitPartial(data.Train, data.UserFeatures, data.ItemFeatures);
    }
}
