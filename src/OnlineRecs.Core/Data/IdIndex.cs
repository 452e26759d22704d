namespace OnlineRecs.Core.Data;

/// <summary>
/// Maps external ids to dense indices 0..Count-1 in order of first appearance, and back.
/// Grows as new ids arrive, which is what lets models learn users and items they have not seen.
/// </summary>
public sealed class IdIndex<TId> where TId : notnull
{
    private readonly Dictionary<TId, int> _indexOf = [];
    private readonly List<TId> _ids = [];

    public IdIndex() { }

    public IdIndex(IEnumerable<TId> ids)
    {
        foreach (var id in ids) GetOrAdd(id);
    }

    public int Count => _ids.Count;

    public IReadOnlyList<TId> Ids => _ids;

    public TId this[int index] => _ids[index];

    public int GetOrAdd(TId id)
    {
        if (_indexOf.TryGetValue(id, out var index)) return index;
        index = _ids.Count;
        _indexOf.Add(id, index);
        _ids.Add(id);
        return index;
    }

    public bool TryGetIndex(TId id, out int index) => _indexOf.TryGetValue(id, out index);

    public int IndexOf(TId id) => _indexOf.TryGetValue(id, out var index)
        ? index
        : throw new KeyNotFoundException($"Unknown id {id}.");

    public bool Contains(TId id) => _indexOf.ContainsKey(id);
}
