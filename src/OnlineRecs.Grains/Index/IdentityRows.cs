namespace OnlineRecs.Grains.Index;

/// <summary>
/// The identity embeddings and biases the index holds, a row per entity, copied in place. Holding on to the arrays
/// that grains publish instead would keep each group's arrays alive until their entity learns again: every collection
/// while ingesting would copy them to an older generation, and the pause grows with what it copies.
/// </summary>
internal sealed class IdentityRows(int factors)
{
    private float[] _embeddings = [];
    private readonly List<float> _biases = [];
    private readonly List<bool> _published = [];

    public int Count => _biases.Count;

    /// <summary>A row for a new entity, with no identity yet.</summary>
    public void Add()
    {
        if ((Count + 1) * factors > _embeddings.Length) Array.Resize(ref _embeddings, Math.Max(16, 2 * Count + 2) * factors);
        _biases.Add(0f);
        _published.Add(false);
    }

    /// <summary>Takes a published identity; an empty embedding means the entity has none yet.</summary>
    public void Set(int row, ReadOnlySpan<float> embedding, float bias)
    {
        _published[row] = embedding.Length > 0;
        if (embedding.Length > 0) embedding.CopyTo(_embeddings.AsSpan(row * factors, factors));
        _biases[row] = bias;
    }

    /// <summary>The row's embedding, empty while it has none.</summary>
    public ReadOnlySpan<float> Embedding(int row) => _published[row] ? _embeddings.AsSpan(row * factors, factors) : [];

    public float Bias(int row) => _biases[row];
}
