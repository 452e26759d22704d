using OnlineRecs.Core.Online;

namespace OnlineRecs.Abstractions.Learning;

/// <summary>A published copy of one side's metadata-feature embeddings (see <see cref="SharedFeatureTable"/>).</summary>
[GenerateSerializer, Immutable]
public sealed record FeatureTableMessage(
    [property: Id(0)] int Factors,
    [property: Id(1)] string[] Names,
    [property: Id(2)] float[] Embeddings,
    [property: Id(3)] float[] Biases,
    [property: Id(4)] long Version)
{
    [NonSerialized] private SharedFeatureTable? _view;

    public SharedFeatureTable View => _view ??= new SharedFeatureTable(Factors, Names, Embeddings, Biases);

    public static FeatureTableMessage Empty(int factors) => new(factors, [], [], [], 0);
}
