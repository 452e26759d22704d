namespace OnlineRecs.Core.Retraining;

/// <summary>Runs the full retrain that <see cref="RetrainSettings.Algorithm"/> names.</summary>
public static class FullRetrain
{
    public static RetrainedModel Fit(RetrainInput input, RetrainSettings settings, IProgress<RetrainProgress>? progress = null,
        CancellationToken cancellation = default) => settings.Algorithm == RetrainAlgorithm.Als
            ? AlsRetrain.Fit(input, settings, progress, cancellation)
            : HybridRetrain.Fit(input, settings, progress, cancellation);
}
