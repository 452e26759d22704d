using OnlineRecs.Abstractions.Learning;
using OnlineRecs.Core.Data;
using OnlineRecs.Core.Online;
using OnlineRecs.Core.Scoring;

namespace OnlineRecs.Grains.Index;

/// <summary>
/// Every known user's vector q_u = e_id + Σ_f w_f e_f, for similar-user queries, and the user-feature table that
/// turns a user's metadata into the part of q_u the user grain does not own.
/// </summary>
internal sealed class IndexedUsers(int factors)
{
    private readonly IdIndex<int> _rows = new();
    private readonly IdentityRows _identity = new(factors);
    private readonly List<MetadataRow> _metadata = [];
    private ItemVectors? _vectors;

    public SharedFeatureTable Features { get; private set; } = SharedFeatureTable.Empty(factors);

    private long _featuresVersion = -1;

    public int Count => _rows.Count;

    public IReadOnlyList<int> Ids => _rows.Ids;

    public void SetFeatures(FeatureTableMessage table)
    {
        if (table.Version == _featuresVersion) return;
        Features = table.View;
        _featuresVersion = table.Version;
        _vectors = null;
    }

    public void SetIdentity(IdentityVector user)
    {
        var row = RowOf(user.Id);
        _identity.Set(row, user.Embedding.Span, user.Bias);
        _vectors = null;
    }

    public void SetMetadata(int userId, string[] features)
    {
        _metadata[RowOf(userId)] = new MetadataRow(features);
        _vectors = null;
    }

    /// <summary>The user's identity vector and bias as last published (an empty vector when it has none).</summary>
    public (float[] Embedding, float Bias) IdentityOf(int userId) =>
        _rows.TryGetIndex(userId, out var row) ? (_identity.Embedding(row).ToArray(), _identity.Bias(row)) : ([], 0f);

    /// <summary>q_u for an identity vector (possibly empty) and metadata; returns b_u's metadata part plus <paramref name="identityBias"/>.</summary>
    public float Represent(ReadOnlySpan<float> identity, float identityBias, MetadataRow metadata, Span<float> into)
    {
        into.Clear();
        if (identity.Length == factors) identity.CopyTo(into);
        return identityBias + Features.AddInto(metadata, into);
    }

    /// <summary>Users closest to <paramref name="userId"/> by cosine, or null when the user is unknown.</summary>
    public (int UserId, float Score)[]? Similar(int userId, int k)
    {
        if (!_rows.TryGetIndex(userId, out var row)) return null;
        var vectors = _vectors ??= AllVectors();
        var found = vectors.SimilarItems(row, k);
        return [.. found.Select(s => (_rows[s.Item], s.Score))];
    }

    private ItemVectors AllVectors()
    {
        var vectors = new ItemVectors(factors, Math.Max(1, Count));
        Span<float> q = stackalloc float[factors];
        for (var row = 0; row < Count; row++)
        {
            Represent(_identity.Embedding(row), 0f, _metadata[row], q);
            vectors.Add(q);
        }
        return vectors;
    }

    private int RowOf(int userId)
    {
        if (_rows.TryGetIndex(userId, out var row)) return row;
        row = _rows.GetOrAdd(userId);
        _identity.Add();
        _metadata.Add(MetadataRow.None);
        return row;
    }
}
