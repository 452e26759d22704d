namespace OnlineRecs.Core.Online;

/// <summary>
/// A published, read-only copy of one side's metadata-feature embeddings (e.g. <c>genre=Comedy</c>):
/// many users or items share each row, so nobody but its owner writes it, and learners read this copy.
/// </summary>
public sealed class SharedFeatureTable
{
    private readonly Dictionary<string, int> _slots;

    public SharedFeatureTable(int factors, string[] names, float[] embeddings, float[] biases)
    {
        if (embeddings.Length != names.Length * factors || biases.Length != names.Length)
            throw new ArgumentException("The table's arrays do not match its names.", nameof(embeddings));
        Factors = factors;
        Names = names;
        Embeddings = embeddings;
        Biases = biases;
        _slots = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (var n = 0; n < names.Length; n++) _slots[names[n]] = n;
    }

    public static SharedFeatureTable Empty(int factors) => new(factors, [], [], []);

    public int Factors { get; }

    public string[] Names { get; }

    public float[] Embeddings { get; }

    public float[] Biases { get; }

    public int SlotOf(string name) => _slots.GetValueOrDefault(name, -1);

    public ReadOnlySpan<float> Embedding(int slot) => Embeddings.AsSpan(slot * Factors, Factors);

    /// <summary>Adds Σ_f w_f e_f into <paramref name="vector"/> and returns Σ_f w_f b_f; unknown names add nothing.</summary>
    public float AddInto(MetadataRow row, Span<float> vector)
    {
        var bias = 0f;
        for (var n = 0; n < row.Names.Length; n++)
        {
            var slot = SlotOf(row.Names[n]);
            if (slot < 0) continue;
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(Embedding(slot), row.Weights[n], vector, vector);
            bias += row.Weights[n] * Biases[slot];
        }
        return bias;
    }
}
