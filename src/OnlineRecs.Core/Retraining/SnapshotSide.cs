namespace OnlineRecs.Core.Retraining;

/// <summary>One side (users or items) of a snapshot: its ids as dense rows, and which of them have a positive.</summary>
internal sealed class SnapshotSide
{
    private readonly Dictionary<int, int> _rows = [];
    private readonly int[] _positives;

    public SnapshotSide(int[] ids, IEnumerable<int> positiveIds)
    {
        for (var row = 0; row < ids.Length; row++) _rows.Add(ids[row], row);
        _positives = new int[ids.Length];
        foreach (var id in positiveIds) _positives[RowOf(id)]++;
    }

    public static SnapshotSide Users(RetrainInput input) => new(input.Users, input.Positives.Select(p => p.UserId));

    public static SnapshotSide Items(RetrainInput input) => new(input.Items, input.Positives.Select(p => p.ItemId));

    public int Count => _positives.Length;

    public int RowOf(int id) => _rows.TryGetValue(id, out var row)
        ? row
        : throw new ArgumentException($"Entity {id} has a positive but is not in the snapshot's list.");

    public bool HasPositive(int row) => _positives[row] > 0;

    public int Positives(int row) => _positives[row];
}
