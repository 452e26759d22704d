using OnlineRecs.Core.Online;

namespace OnlineRecs.Abstractions.Learning;

/// <summary>
/// A published copy of one side's metadata-feature embeddings (see <see cref="SharedFeatureTable"/>): row n, the
/// embedding of <c>Names[n]</c> followed by its bias. Rows and names are never written once published.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FeatureTableMessage(
    [property: Id(0)] int Factors,
    [property: Id(1)] string[] Names,
    [property: Id(2)] float[][] Rows,
    [property: Id(3)] long Version)
{
    [NonSerialized] private SharedFeatureTable? _view;

    public SharedFeatureTable View => _view ??= new SharedFeatureTable(Factors, Names, Rows);

    public static FeatureTableMessage Empty(int factors) => new(factors, [], [], 0);
}
