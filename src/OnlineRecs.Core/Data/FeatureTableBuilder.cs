namespace OnlineRecs.Core.Data;

/// <summary>
/// Collects <c>key=value</c> features per user or item, keeping each entity's first-seen order
/// without repeats. Equal feature names share one string instance: the table's vocabulary.
/// </summary>
internal sealed class FeatureTableBuilder
{
    private const int StackLimit = 256;
    private readonly Dictionary<int, List<string>> _features = [];
    private readonly HashSet<string> _vocabulary = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _vocabularyBySpan;

    public FeatureTableBuilder() => _vocabularyBySpan = _vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();

    public void Add(int id, string key, ReadOnlySpan<char> value)
    {
        var length = key.Length + 1 + value.Length;
        var name = length <= StackLimit ? stackalloc char[length] : new char[length];
        key.CopyTo(name);
        name[key.Length] = '=';
        value.CopyTo(name[(key.Length + 1)..]);
        Add(id, name);
    }

    /// <summary>Adds a complete feature name such as <c>gender=F</c>.</summary>
    public void Add(int id, ReadOnlySpan<char> feature)
    {
        if (!_vocabularyBySpan.TryGetValue(feature, out var shared))
        {
            shared = feature.ToString();
            _vocabulary.Add(shared);
        }
        if (!_features.TryGetValue(id, out var list)) _features[id] = list = [];
        // Interned names make the repeat check a cheap reference comparison in the common case.
        if (!list.Contains(shared)) list.Add(shared);
    }

    public Dictionary<int, string[]> Build() => _features.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray());
}
