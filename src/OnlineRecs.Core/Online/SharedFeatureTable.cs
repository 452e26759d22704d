using System.Runtime.CompilerServices;
using System.Numerics.Tensors;

namespace OnlineRecs.Core.Online;

/// <summary>
/// A published, read-only copy of one side's metadata-feature embeddings (e.g. <c>genre=Comedy</c>):
/// many users or items share each row, so nobody but its owner writes it, and learners read this copy.
/// Each row is the feature's embedding followed by its bias; a publication shares the rows that did not change
/// with the one before, so publishing after every group copies only what the group moved.
/// </summary>
public sealed class SharedFeatureTable
{
    // The slot of each name depends on the names array alone, and publications that added no name share that array.
    private static readonly ConditionalWeakTable<string[], Dictionary<string, int>> SlotsByNames = [];

    private readonly Dictionary<string, int> _slots;
    private readonly float[][] _rows;

    public SharedFeatureTable(int factors, string[] names, float[][] rows)
    {
        if (rows.Length != names.Length || rows.Any(r => r.Length != factors + 1))
            throw new ArgumentException("The table's rows do not match its names and factors.", nameof(rows));
        Factors = factors;
        Names = names;
        _rows = rows;
        _slots = SlotsByNames.GetValue(names, SlotsOf);
    }

    public static SharedFeatureTable Empty(int factors) => new(factors, [], []);

    public int Factors { get; }

    public string[] Names { get; }

    public int SlotOf(string name) => _slots.GetValueOrDefault(name, -1);

    public ReadOnlySpan<float> Embedding(int slot) => _rows[slot].AsSpan(0, Factors);

    public float Bias(int slot) => _rows[slot][Factors];

    /// <summary>Adds Σ_f w_f e_f into <paramref name="vector"/> and returns Σ_f w_f b_f; unknown names add nothing.</summary>
    public float AddInto(MetadataRow row, Span<float> vector)
    {
        var bias = 0f;
        for (var n = 0; n < row.Names.Length; n++)
        {
            var slot = SlotOf(row.Names[n]);
            if (slot < 0) continue;
            TensorPrimitives.MultiplyAdd(Embedding(slot), row.Weights[n], vector, vector);
            bias += row.Weights[n] * Bias(slot);
        }
        return bias;
    }

    private static Dictionary<string, int> SlotsOf(string[] names)
    {
        var slots = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (var n = 0; n < names.Length; n++) slots[names[n]] = n;
        return slots;
    }
}
