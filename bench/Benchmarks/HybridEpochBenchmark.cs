using OnlineRecs.Bench.Data;
using OnlineRecs.Bench.Measuring;
using OnlineRecs.Core.Hybrid;
using OnlineRecs.Core.Scoring;
using OnlineRecs.Core.Training;

namespace OnlineRecs.Bench.Benchmarks;

/// <summary>
/// Seconds per epoch and interactions per second of the hybrid model under one loss (WARP or BPR),
/// with the trainer's defaults: identity plus metadata features and the tuned learning rate.
/// </summary>
public static class HybridEpochBenchmark
{
    public static TrainingResult Run(BenchDataset data, LossKind loss, int threads, int epochs, double? targetSeconds, Action<string> status)
    {
        var name = loss.ToString().ToLowerInvariant();
        var model = CreateModel(loss, threads);
        var timings = new TimingRecorder<EpochProgress>(p => p.Seconds,
            p => status($"{data.Name}: {name.ToUpperInvariant()} at {threads} thread(s), epoch {p.Epoch}/{p.Epochs}: {p.Seconds:F3} s"));
        model.FitPartial(data.Train, data.UserFeatures, data.ItemFeatures, epochs, timings);

        var summary = SampleSummary.Of(timings.AfterWarmUp);
        var measurement = new Measurement(data.Name, name, threads, "s/epoch", summary, data.Interactions / summary.Median, targetSeconds);
        var (itemRows, itemBiases) = model.ItemRepresentations(data.ItemFeatures);
        var (userRows, _) = model.UserRepresentations(data.UserFeatures);
        return new TrainingResult(measurement, new TrainedVectors(name, userRows, new ItemVectors(BenchSettings.Factors, itemRows, itemBiases)));
    }

    /// <summary>An untrained model with the trainer's defaults for <paramref name="loss"/> at <see cref="BenchSettings.Factors"/> factors.</summary>
    public static HybridModel CreateModel(LossKind loss, int threads)
    {
        var defaults = ModelParameters.ForModel(loss == LossKind.Bpr ? ModelKind.Bpr : ModelKind.Warp);
        return new HybridModel(new HybridOptions
        {
            Factors = BenchSettings.Factors,
            Loss = loss,
            LearningRate = defaults.LearningRate,
            UserAlpha = defaults.Regularization,
            ItemAlpha = defaults.Regularization,
            Threads = threads,
            Seed = defaults.Seed,
        });
    }
}
