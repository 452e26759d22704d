using OnlineRecs.Core.Hybrid;
using OnlineRecs.Core.Sparse;

namespace OnlineRecs.Core.Evaluation;

/// <summary>
/// Each user's or item's feature row, built by <see cref="FeatureSpace"/> when the entity first shows up in the
/// stream and rebuilt once, when its first positive earns it an identity feature.
/// </summary>
internal sealed class PrequentialFeatureRows(FeatureSpace space, IReadOnlyList<int> ids, IReadOnlyDictionary<int, string[]> metadata, bool useMetadata)
{
    private readonly int[]?[] _features = new int[ids.Count][];
    private readonly float[]?[] _weights = new float[ids.Count][];
    private readonly bool[] _hasIdentity = new bool[ids.Count];

    public int FeatureCount => space.Features.Count;

    /// <summary>The vocabulary; features no metadata names, such as a user's recent items, join it on first use.</summary>
    public FeatureSpace Space => space;

    public void Ensure(int entity, bool withIdentity)
    {
        if (_features[entity] is not null && (_hasIdentity[entity] || !withIdentity)) return;
        var row = space.Build([ids[entity]], metadata, _ => withIdentity, useMetadata);
        _features[entity] = row.Columns;
        _weights[entity] = row.Values;
        _hasIdentity[entity] = withIdentity;
    }

    /// <summary>The entity's row; empty for an entity the stream has not shown yet.</summary>
    public FeatureRow Row(int entity) => _features[entity] is { } features ? new FeatureRow(features, _weights[entity]) : default;

    /// <summary>The rows of <paramref name="entities"/>, in that order, as a matrix as wide as the vocabulary.</summary>
    public CsrMatrix ToMatrix(IReadOnlyList<int> entities)
    {
        var rowStart = new int[entities.Count + 1];
        var columns = new List<int>();
        var values = new List<float>();
        for (var r = 0; r < entities.Count; r++)
        {
            var row = Row(entities[r]);
            foreach (var f in row.Features) columns.Add(f);
            foreach (var w in row.Weights) values.Add(w);
            rowStart[r + 1] = columns.Count;
        }
        return new CsrMatrix(entities.Count, FeatureCount, rowStart, [.. columns], [.. values]);
    }
}
