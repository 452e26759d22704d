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

    private MetadataRow(string[] names, float[] weights) => (Names, Weights) = (names, weights);

    /// <summary>This row followed by features no metadata names, each of the same weight: a user's recent items (<see cref="RecentItemsContext"/>).</summary>
    public MetadataRow With((string[] Names, float Weight) context) => context.Names.Length == 0 ? this
        : new([.. Names, .. context.Names], [.. Weights, .. context.Names.Select(_ => context.Weight)]);

    public string[] Names { get; }

    public float[] Weights { get; }
}
