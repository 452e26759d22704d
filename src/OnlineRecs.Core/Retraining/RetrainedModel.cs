using OnlineRecs.Core.Online;

namespace OnlineRecs.Core.Retraining;

/// <summary>One side's metadata-feature parameters, each in the <see cref="OwnParameters"/> layout.</summary>
public sealed record FeatureTableParameters(string[] Names, float[][] Parameters)
{
    public static readonly FeatureTableParameters Empty = new([], []);
}

/// <summary>
/// A full retrain's result in the layout the cluster learns online with: per user and item its identity
/// parameters (<see cref="OwnParameters"/>: embedding, bias and their AdaGrad sums), absent for an entity the model
/// represents by its metadata alone, and the metadata-feature tables of both sides.
/// </summary>
public sealed record RetrainedModel(
    IReadOnlyDictionary<int, float[]> Users,
    IReadOnlyDictionary<int, float[]> Items,
    FeatureTableParameters UserFeatures,
    FeatureTableParameters ItemFeatures,
    double[] EpochLosses);
