using OnlineRecs.Abstractions.Retraining;

namespace OnlineRecs.Grains.Retraining;

/// <summary>
/// A completed full retrain as it is installed: every user's, item's and feature table's state in model version
/// <see cref="Version"/>, as of log sequence <see cref="Sequence"/>. Restart installs the latest one and replays the
/// log after <see cref="Sequence"/>, which is exactly what the live cluster did after the retrain.
/// </summary>
[GenerateSerializer]
public sealed class ModelCheckpoint
{
    [Id(0)] public long Version { get; init; }
    [Id(1)] public long Sequence { get; init; }

    /// <summary>Rating events at or before <see cref="Sequence"/>.</summary>
    [Id(2)] public long Events { get; init; }

    [Id(3)] public required RetrainRecord Record { get; init; }
    [Id(4)] public required UserInstall[] Users { get; init; }
    [Id(5)] public required ItemInstall[] Items { get; init; }
    [Id(6)] public required FeatureTableInstall UserFeatures { get; init; }
    [Id(7)] public required FeatureTableInstall ItemFeatures { get; init; }
}
