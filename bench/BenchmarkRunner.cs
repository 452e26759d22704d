using System.Diagnostics;
using OnlineRecs.Bench.Benchmarks;
using OnlineRecs.Bench.Data;
using OnlineRecs.Bench.Measuring;
using OnlineRecs.Bench.Reporting;
using OnlineRecs.Core.Hybrid;

namespace OnlineRecs.Bench;

/// <summary>
/// Runs the chosen suites on each data set in turn. Every fit runs at each thread count back to back,
/// so that the thread-count ratios compare measurements taken under the same machine load.
/// </summary>
public static class BenchmarkRunner
{
    public static BenchReport Run(BenchSettings settings, Action<string> status)
    {
        var date = DateTimeOffset.UtcNow;
        var datasets = new List<DatasetSummary>();
        var measurements = new List<Measurement>();
        JitWarmUp.Run(settings, status);
        foreach (var plan in DatasetPlan.For(settings))
        {
            status($"{plan.Name}: loading");
            var started = Stopwatch.GetTimestamp();
            var data = plan.Load(plan.Name);
            datasets.Add(new DatasetSummary(data.Name, data.Users, data.Items, data.Interactions, plan.AlsIterations, plan.HybridEpochs,
                Stopwatch.GetElapsedTime(started).TotalSeconds));
            measurements.AddRange(RunOn(data, plan, settings, status));
        }
        return new BenchReport(date, MachineInfo.Current(), settings, datasets, ThreadScaling.WithRatios(measurements));
    }

    private static IEnumerable<Measurement> RunOn(BenchDataset data, DatasetPlan plan, BenchSettings settings, Action<string> status)
    {
        var fits = new List<Func<int, TrainingResult>>();
        if (settings.Suites.HasFlag(BenchSuite.Als))
            fits.Add(threads => AlsBenchmark.Run(data, threads, plan.AlsIterations, plan.AlsTargetSeconds, status));
        if (settings.Suites.HasFlag(BenchSuite.Warp))
            fits.Add(threads => HybridEpochBenchmark.Run(data, LossKind.Warp, threads, plan.HybridEpochs, plan.WarpTargetSeconds, status));
        if (settings.Suites.HasFlag(BenchSuite.Bpr))
            fits.Add(threads => HybridEpochBenchmark.Run(data, LossKind.Bpr, threads, plan.HybridEpochs, null, status));

        var servable = new List<TrainedVectors>();
        foreach (var fit in fits)
        {
            TrainingResult? last = null;
            foreach (var threads in settings.ThreadCounts)
            {
                last = fit(threads);
                yield return last.Measurement;
            }
            servable.Add(last!.Vectors);
        }

        if (!settings.Suites.HasFlag(BenchSuite.TopK)) yield break;
        // A top-K run on its own still needs trained vectors; ALS gives them fastest, and its timing is not reported.
        if (servable.Count == 0)
            servable.Add(AlsBenchmark.Run(data, settings.ThreadCounts.Max(), plan.AlsIterations, null, status).Vectors);
        foreach (var vectors in servable)
            yield return TopKLatencyBenchmark.Run(data, vectors, settings.TopKQueries, status);
    }
}
