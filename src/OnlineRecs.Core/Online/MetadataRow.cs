using OnlineRecs.Core.Hybrid;

namespace OnlineRecs.Core.Online;

/// <summary>An entity's metadata features by name with their membership weights, weighted as <see cref="FeatureSpace"/> does.</summary>
public sealed class MetadataRow
{
    public static readonly MetadataRow None = new([]);

    public MetadataRow(IEnumerable<string> names)
    {
        var weighted = FeatureSpace.MetadataWeights(names).OrderBy(p => p.Feature, StringComparer.Ordinal).ToArray();
        Names = [.. weighted.Select(p => p.Feature)];
        Weights = [.. weighted.Select(p => p.Weight)];
    }

    public string[] Names { get; }

    public float[] Weights { get; }
}
