using OnlineRecs.Bench.Data;
using OnlineRecs.Bench.Measuring;
using OnlineRecs.Core.Als;
using OnlineRecs.Core.Scoring;
using OnlineRecs.Core.Training;

namespace OnlineRecs.Bench.Benchmarks;

/// <summary>Seconds per implicit-ALS iteration (a user sweep plus an item sweep), with the trainer's defaults.</summary>
public static class AlsBenchmark
{
    public const string Name = "als";

    public static TrainingResult Run(BenchDataset data, int threads, int iterations, double? targetSeconds, Action<string> status)
    {
        var als = CreateModel(threads, iterations);
        var timings = new TimingRecorder<AlsProgress>(p => p.Seconds,
            p => status($"{data.Name}: ALS at {threads} thread(s), iteration {p.Iteration}/{iterations}: {p.Seconds:F3} s"));
        als.Fit(data.Train, timings);

        var measurement = new Measurement(data.Name, Name, threads, "s/iteration", SampleSummary.Of(timings.AfterWarmUp),
            TargetSeconds: targetSeconds);
        return new TrainingResult(measurement, new TrainedVectors(Name, als.UserFactors, ItemVectors.FromRows(BenchSettings.Factors, als.ItemFactors)));
    }

    /// <summary>An untrained model with the trainer's ALS defaults at <see cref="BenchSettings.Factors"/> factors.</summary>
    public static ImplicitAls CreateModel(int threads, int iterations)
    {
        var defaults = ModelParameters.ForModel(ModelKind.Als);
        return new ImplicitAls(new AlsOptions
        {
            Factors = BenchSettings.Factors,
            Iterations = iterations,
            Alpha = defaults.Alpha,
            Regularization = defaults.Regularization,
            Threads = threads,
            Seed = (int)defaults.Seed,
        });
    }
}
