using System.Numerics.Tensors;
using OnlineRecs.Abstractions.Learning;
using OnlineRecs.Core.Data;
using OnlineRecs.Core.Online;
using OnlineRecs.Core.Randomness;
using OnlineRecs.Core.Scoring;

namespace OnlineRecs.Grains.Index;

/// <summary>
/// Every known item as the index serves it: p_i = w_id e_id + Σ_f w_f e_f and b_i likewise, from the identity its grain
/// last published (weighing <paramref name="identityWeight"/>) and the item-feature table last published. An item whose
/// grain has not yet learned is its metadata alone, as in cold start.
/// </summary>
internal sealed class IndexedItems(int factors, ulong seed, float identityWeight)
{
    private readonly IdIndex<int> _rows = new();
    private readonly IdentityRows _identity = new(factors);
    private readonly List<MetadataRow> _metadata = [];
    private readonly List<string?> _titles = [];
    private readonly Dictionary<string, ItemFilter> _filters = new(StringComparer.Ordinal);
    private SharedFeatureTable _features = SharedFeatureTable.Empty(factors);
    private long _featuresVersion = -1;
    private bool _stale;

    // Identities published since their rows were last represented: a group's thousands of rows are represented off
    // the grain's turn (see RefreshOffTurn), for on it they held every query back for 1.5-2 ms a group.
    private readonly HashSet<int> _unrepresented = [];

    // The store swapped in at the next refresh, and the rows where it lags the one queries read (all of them after a
    // full refresh): those rows are copied over before the spare is written, so it is never a group behind.
    private ItemVectors _spare = new(factors);
    private readonly HashSet<int> _spareLags = [];
    private bool _spareLagsAll = true;

    // The whole catalogue as learning sees it, handed out group after group: a fresh copy per group was a quarter of
    // what the silo allocated while ingesting. Only the rows changed since are redone, in place (all of them when the
    // feature table moved); groups are learned one at a time, so no group holds it then. A new item makes a new one.
    private CandidateItemsMessage? _catalogue;
    private long _catalogueFeaturesVersion = -1;
    private readonly HashSet<int> _changedSinceCatalogue = [];

    /// <summary>The rows queries are answered from.</summary>
    public ItemVectors Vectors { get; private set; } = new(factors);

    public int Count => _rows.Count;

    public IReadOnlyList<int> Ids => _rows.Ids;

    public int IdOf(int row) => _rows[row];

    public bool TryGetRow(int itemId, out int row) => _rows.TryGetIndex(itemId, out row);

    public string? TitleOf(int row) => _titles[row];

    public int RowOf(int itemId)
    {
        if (_rows.TryGetIndex(itemId, out var row)) return row;
        row = _rows.GetOrAdd(itemId);
        _identity.Add();
        _metadata.Add(MetadataRow.None);
        _titles.Add(null);
        RepresentNow(row);
        return row;
    }

    public void SetMetadata(int itemId, string[] features, string? title)
    {
        var row = RowOf(itemId);
        _metadata[row] = new MetadataRow(features);
        if (title is not null) _titles[row] = title;
        _filters.Clear();
        _changedSinceCatalogue.Add(row);
        RepresentNow(row);
    }

    /// <summary>Takes a published identity; queries see it once a refresh has represented it.</summary>
    public void SetIdentity(IdentityVector item)
    {
        var row = RowOf(item.Id);
        _identity.Set(row, item.Embedding.Span, item.Bias);
        _changedSinceCatalogue.Add(row);
        _unrepresented.Add(row);
    }

    /// <summary>Represents a row in the store queries read, at once; the spare lags it there until the next refresh.</summary>
    private void RepresentNow(int row)
    {
        Represent(row, Vectors);
        _unrepresented.Remove(row);
        _spareLags.Add(row);
    }

    /// <summary>
    /// Takes the newest item-feature table; when it changed, every item's vector is redone (see <see cref="Refresh"/>)
    /// and until then <see cref="Vectors"/> keeps the rows as they were.
    /// </summary>
    public void SetFeatures(FeatureTableMessage table)
    {
        if (table.Version == _featuresVersion) return;
        _features = table.View;
        _featuresVersion = table.Version;
        _stale = true;
    }

    /// <summary>Represents what changed since the last refresh in the store queries read: every row when the features moved.</summary>
    public void Refresh()
    {
        if (_stale)
        {
            RepresentAll(Vectors); // the published rows among them
            (_stale, _spareLagsAll) = (false, true);
        }
        else
        {
            foreach (var row in _unrepresented) Represent(row, Vectors);
            _spareLags.UnionWith(_unrepresented);
        }
        _unrepresented.Clear();
    }

    /// <summary>
    /// <see cref="Refresh"/> into the spare store on the thread pool, then swapped in at once: queries answered
    /// meanwhile (the index interleaves them) read the previous rows, whole. Nothing else may change this object until
    /// it is done.
    /// </summary>
    public async Task RefreshOffTurn()
    {
        if (!_stale && _unrepresented.Count == 0) return;
        var (next, current, featuresMoved) = (_spare, Vectors, _stale);
        await Task.Run(() =>
        {
            if (featuresMoved)
            {
                RepresentAll(next);
                return;
            }
            if (_spareLagsAll)
                for (var row = 0; row < current.Count; row++) next.CopyRow(current, row);
            else
                foreach (var row in _spareLags) next.CopyRow(current, row);
            foreach (var row in _unrepresented) Represent(row, next);
        });
        (_spare, Vectors) = (current, next);
        // The store now spare has everything but what this refresh represented.
        _spareLags.Clear();
        if (!featuresMoved) _spareLags.UnionWith(_unrepresented);
        _spareLagsAll = featuresMoved;
        _unrepresented.Clear();
        _stale = false;
    }

    /// <summary>Every row, two halves at once: the learner waits for this after each group, and the other core is idle.</summary>
    private void RepresentAll(ItemVectors into)
    {
        var count = Count;
        if (count == 0) return;
        Represent(count - 1, into); // grows the store to every row first, so the halves below write in place
        var half = (count - 1) / 2;
        Parallel.Invoke(new ParallelOptions { TaskScheduler = TaskScheduler.Default },
            () => RepresentRows(0, half, into), () => RepresentRows(half, count - 1, into));
    }

    private void RepresentRows(int from, int to, ItemVectors into)
    {
        for (var row = from; row < to; row++) Represent(row, into);
    }

    /// <summary>Items carrying any of <paramref name="features"/>, or null (no filter) when none is asked for.</summary>
    public ItemFilter? FilterFor(IReadOnlyCollection<string> features)
    {
        if (features.Count == 0) return null;
        var key = string.Join('\n', features.Order(StringComparer.Ordinal));
        if (_filters.TryGetValue(key, out var filter)) return filter;
        filter = new ItemFilter();
        for (var row = 0; row < Count; row++)
            if (_metadata[row].Names.Any(features.Contains)) filter.Allow(row);
        return _filters[key] = filter;
    }

    /// <summary>
    /// The batch's items first (registering new ones), then <paramref name="sampleSize"/> uniform draws from the catalogue,
    /// each as learning sees it: an item without an identity yet gets the one its grain will start from. A catalogue no
    /// larger than the sample goes whole, the batch's items in it, so they are not sent twice.
    /// </summary>
    public CandidateItemsMessage Candidates(int[] batchItems, int sampleSize, ulong drawSeed)
    {
        foreach (var item in batchItems) RowOf(item);
        Refresh();
        if (Count <= sampleSize) return WholeCatalogue();
        var total = batchItems.Length + sampleSize;
        var ids = new int[total];
        var vectors = new float[total * factors];
        var biases = new float[total];
        var random = new FastRandom(drawSeed);
        for (var n = 0; n < total; n++)
        {
            var row = n < batchItems.Length ? _rows.IndexOf(batchItems[n]) : random.Next(Count);
            ids[n] = _rows[row];
            biases[n] = LearningVector(row, vectors.AsSpan(n * factors, factors));
        }
        return new CandidateItemsMessage(factors, ids, vectors, biases, batchItems.Length, Count);
    }

    /// <summary>Every row in row order, as <see cref="LearningVector"/> has it now.</summary>
    private CandidateItemsMessage WholeCatalogue()
    {
        var redoAll = _catalogueFeaturesVersion != _featuresVersion;
        if (_catalogue is null || _catalogue.ItemIds.Length != Count)
        {
            _catalogue = new CandidateItemsMessage(factors, [.. _rows.Ids], new float[Count * factors], new float[Count], 0, Count);
            redoAll = true;
        }
        if (redoAll)
            for (var row = 0; row < Count; row++) RedoInCatalogue(row);
        else
            foreach (var row in _changedSinceCatalogue) RedoInCatalogue(row);
        _catalogueFeaturesVersion = _featuresVersion;
        _changedSinceCatalogue.Clear();
        return _catalogue;
    }

    private void RedoInCatalogue(int row) =>
        _catalogue!.Biases[row] = LearningVector(row, _catalogue.Vectors.AsSpan(row * factors, factors));

    private float LearningVector(int row, Span<float> into)
    {
        if (!_identity.Embedding(row).IsEmpty)
        {
            Vectors.Row(row).CopyTo(into);
            return Vectors.Bias(row);
        }
        var initial = OwnParameters.Initial(factors, EntitySeeds.Items(seed), _rows[row]);
        return Combine(initial.Embedding, initial.Bias, row, into);
    }

    private void Represent(int row, ItemVectors into)
    {
        Span<float> vector = stackalloc float[factors];
        var identity = _identity.Embedding(row);
        var bias = Combine(identity, identity.IsEmpty ? 0f : _identity.Bias(row), row, vector);
        into.Set(row, vector, bias);
    }

    /// <summary>p_i = w_id e_id + Σ_f w_f e_f into <paramref name="into"/>, returning b_i; an empty identity leaves the metadata alone.</summary>
    private float Combine(ReadOnlySpan<float> identity, float identityBias, int row, Span<float> into)
    {
        if (identity.IsEmpty) into.Clear();
        else TensorPrimitives.Multiply(identity, identityWeight, into);
        return identityWeight * identityBias + _features.AddInto(_metadata[row], into);
    }
}
