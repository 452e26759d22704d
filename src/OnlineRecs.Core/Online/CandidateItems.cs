namespace OnlineRecs.Core.Online;

/// <summary>
/// The items one ingest batch learns against, as the index last published them: first the batch's
/// positive items, then a uniform sample of the catalogue that negatives are drawn from (or the whole catalogue, the
/// batch's items in it, with no section before it). A uniform
/// sample keeps WARP's rank estimate honest when it is scaled by the whole catalogue's size.
/// </summary>
public sealed class CandidateItems
{
    private readonly Dictionary<int, int> _indexOfItem;

    public CandidateItems(int factors, int[] itemIds, float[] vectors, float[] biases, int sampleStart, int catalogueSize)
    {
        if (vectors.Length != itemIds.Length * factors || biases.Length != itemIds.Length)
            throw new ArgumentException("The candidates' arrays do not match their ids.", nameof(vectors));
        if (sampleStart < 0 || sampleStart > itemIds.Length) throw new ArgumentOutOfRangeException(nameof(sampleStart));
        Factors = factors;
        ItemIds = itemIds;
        Vectors = vectors;
        Biases = biases;
        SampleStart = sampleStart;
        CatalogueSize = Math.Max(catalogueSize, itemIds.Length - sampleStart);
        _indexOfItem = new Dictionary<int, int>(itemIds.Length);
        for (var n = 0; n < itemIds.Length; n++) _indexOfItem.TryAdd(itemIds[n], n);
    }

    public int Factors { get; }

    public int[] ItemIds { get; }

    public float[] Vectors { get; }

    public float[] Biases { get; }

    /// <summary>Candidates from here on are the uniform sample; those before are the batch's positives.</summary>
    public int SampleStart { get; }

    public int SampleCount => ItemIds.Length - SampleStart;

    /// <summary>n, the number of items in the catalogue the sample stands for.</summary>
    public int CatalogueSize { get; }

    public ReadOnlySpan<float> Vector(int index) => Vectors.AsSpan(index * Factors, Factors);

    /// <summary>The candidate index of an item, or −1 when it is neither in the batch nor in the sample.</summary>
    public int IndexOf(int itemId) => _indexOfItem.GetValueOrDefault(itemId, -1);
}
