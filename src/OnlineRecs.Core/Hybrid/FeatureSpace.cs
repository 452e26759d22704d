using OnlineRecs.Core.Data;
using OnlineRecs.Core.Sparse;

namespace OnlineRecs.Core.Hybrid;

/// <summary>
/// One side's feature vocabulary (identity features <c>id=…</c> plus metadata such as
/// <c>genre=Comedy</c>) and the entity × feature membership matrices built from it. The identity
/// weighs <paramref name="identityWeight"/> (1 for users, <see cref="HybridOptions.ItemIdentityWeight"/> for items)
/// and each kind of metadata 1/kinds (see <see cref="MetadataWeights"/>): LightFM's row
/// normalisation shrinks the identity of richly tagged items and cost 0.05 NDCG@10 on MovieLens,
/// while unnormalised tags swamp it.
/// </summary>
public sealed class FeatureSpace(float identityWeight = 1f)
{
    public IdIndex<string> Features { get; } = new();

    public static string IdentityFeature(int id) => $"id={id}";

    /// <summary>
    /// Rows for <paramref name="entityIds"/> in order. An entity gets its identity feature only when
    /// <paramref name="hasIdentity"/> says so: an identity never trained is noise, so an entity without
    /// history is represented by its metadata alone (cold start).
    /// </summary>
    public CsrMatrix Build(IReadOnlyList<int> entityIds, IReadOnlyDictionary<int, string[]> metadata, Func<int, bool> hasIdentity,
        bool useMetadata = true)
    {
        var rowStart = new int[entityIds.Count + 1];
        var columns = new List<int>();
        var values = new List<float>();
        var row = new SortedDictionary<int, float>();
        for (var r = 0; r < entityIds.Count; r++)
        {
            row.Clear();
            var id = entityIds[r];
            if (useMetadata && metadata.TryGetValue(id, out var names))
                foreach (var (feature, weight) in MetadataWeights(names)) row[Features.GetOrAdd(feature)] = weight;
            if (hasIdentity(r)) row[Features.GetOrAdd(IdentityFeature(id))] = identityWeight;
            foreach (var (f, w) in row)
            {
                columns.Add(f);
                values.Add(w);
            }
            rowStart[r + 1] = columns.Count;
        }
        return new CsrMatrix(entityIds.Count, Features.Count, rowStart, [.. columns], [.. values]);
    }

    /// <summary>A row from metadata alone (a cold-start query); names the model has never seen are skipped.</summary>
    public (int[] Features, float[] Weights) MetadataRow(IEnumerable<string> names)
    {
        var row = new SortedDictionary<int, float>();
        foreach (var (name, weight) in MetadataWeights(names.Where(Features.Contains).Distinct()))
            row[Features.IndexOf(name)] = weight;
        return ([.. row.Keys], [.. row.Values]);
    }

    /// <summary>
    /// Each kind of metadata (the part before '=': genre, tag, year…) weighs 1/kinds, shared within the kind as 1/√values
    /// each, so forty tags do not drown a movie's one year or tag-count bucket, yet many weak tags together say more
    /// than one. On ml-latest-small (seed 42, one thread) that took WARP's split NDCG@10 from 0.2256 to 0.2300 and BPR's
    /// cold-item P@10 from 0.111 to 0.123 against dividing by the values, and changed nothing on synthetic data whose
    /// kinds have few values.
    /// </summary>
    public static IEnumerable<(string Feature, float Weight)> MetadataWeights(IEnumerable<string> names)
    {
        var kinds = names.Distinct().GroupBy(n => n.IndexOf('=') is var at and > 0 ? n[..at] : n).ToArray();
        foreach (var kind in kinds)
        {
            var values = kind.ToArray();
            foreach (var name in values) yield return (name, 1f / (kinds.Length * MathF.Sqrt(values.Length)));
        }
    }
}
