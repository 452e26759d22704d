using OnlineRecs.Core.Data;
using OnlineRecs.Core.Sparse;

namespace OnlineRecs.Core.Hybrid;

/// <summary>
/// One side's feature vocabulary (identity features <c>id=…</c> plus metadata such as
/// <c>genre=Comedy</c>) and the entity × feature membership matrices built from it. The identity
/// weighs 1 and the metadata together weigh 1 (1/n each): LightFM's row normalisation shrinks the
/// identity of richly tagged items and cost 0.05 NDCG@10 on MovieLens, while unnormalised tags swamp it.
/// </summary>
public sealed class FeatureSpace
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
        var row = new SortedSet<int>();
        for (var r = 0; r < entityIds.Count; r++)
        {
            row.Clear();
            var id = entityIds[r];
            var identity = hasIdentity(r) ? Features.GetOrAdd(IdentityFeature(id)) : -1;
            if (useMetadata && metadata.TryGetValue(id, out var names))
                foreach (var name in names) row.Add(Features.GetOrAdd(name));
            var metadataWeight = 1f / Math.Max(1, row.Count);
            if (identity >= 0) row.Add(identity);
            foreach (var f in row)
            {
                columns.Add(f);
                values.Add(f == identity ? 1f : metadataWeight);
            }
            rowStart[r + 1] = columns.Count;
        }
        return new CsrMatrix(entityIds.Count, Features.Count, rowStart, [.. columns], [.. values]);
    }

    /// <summary>A row from metadata alone (a cold-start query); names the model has never seen are skipped.</summary>
    public (int[] Features, float[] Weights) MetadataRow(IEnumerable<string> names)
    {
        var known = new SortedSet<int>();
        foreach (var name in names)
            if (Features.TryGetIndex(name, out var f)) known.Add(f);
        return ([.. known], [.. known.Select(_ => 1f / known.Count)]);
    }
}
