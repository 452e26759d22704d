using OnlineRecs.Core.Online;

namespace OnlineRecs.Grains.Features;

/// <summary>
/// The read-only copies of a feature table that its grain hands to learners and the index, one after every batch.
/// Each shares with the copy before it the names (while none is added) and every row that no step has moved, so a
/// copy costs what the batch changed, not the table: a table with a row per recent item is as long as the catalogue.
/// </summary>
public sealed class FeaturePublication
{
    private readonly HashSet<int> _moved = [];
    private string[] _names = [];
    private float[][] _rows = [];

    /// <summary>The row at <paramref name="slot"/> has changed since the last copy.</summary>
    public void Moved(int slot) => _moved.Add(slot);

    /// <summary>The table was replaced: the next copy shares nothing.</summary>
    public void Forget() => (_names, _rows) = ([], []);

    /// <summary>A copy of the table: row n is the embedding of <c>names[n]</c> followed by its bias.</summary>
    public (string[] Names, float[][] Rows) Next(IReadOnlyList<string> names, IReadOnlyList<float[]> parameters)
    {
        if (_names.Length != names.Count) _names = [.. names];
        var rows = new float[names.Count][];
        var shared = Math.Min(_rows.Length, rows.Length);
        Array.Copy(_rows, rows, shared);
        foreach (var slot in _moved.Where(s => s < shared)) rows[slot] = RowOf(new OwnParameters(parameters[slot]));
        for (var slot = shared; slot < rows.Length; slot++) rows[slot] = RowOf(new OwnParameters(parameters[slot]));
        _moved.Clear();
        _rows = rows;
        return (_names, rows);
    }

    private static float[] RowOf(OwnParameters own) => [.. own.Embedding, own.Bias];
}
