namespace OnlineRecs.Grains.Features;

/// <summary>One side's metadata-feature parameters: per feature an embedding and a bias with their AdaGrad sums, by slot.</summary>
[GenerateSerializer]
public sealed class FeatureTableState
{
    [Id(0)] public List<string> Names { get; set; } = [];

    /// <summary>Per slot the <see cref="Core.Online.OwnParameters"/> layout, one after another.</summary>
    [Id(1)] public List<float[]> Parameters { get; set; } = [];

    [Id(2)] public long Version { get; set; }

    [Id(3)] public long LastBatch { get; set; }
}
