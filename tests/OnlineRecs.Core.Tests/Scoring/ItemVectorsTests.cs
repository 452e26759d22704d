using OnlineRecs.Core.Scoring;

namespace OnlineRecs.Core.Tests.Scoring;

public class ItemVectorsTests
{
    [Fact]
    public void SettingPastTheEndZeroFillsTheGapAndGrowsByDoubling()
    {
        var store = new ItemVectors(3, capacity: 8);
        store.Set(20, [1f, 2f, 2f], 0.5f);

        Assert.Equal(21, store.Count);
        Assert.Equal(32, store.Capacity);
        Assert.Equal([1f, 2f, 2f], store.Row(20).ToArray());
        Assert.Equal(0.5f, store.Bias(20));
        Assert.Equal(3f, store.Norm(20), 6);
        for (var item = 0; item < 20; item++)
        {
            Assert.Equal([0f, 0f, 0f], store.Row(item).ToArray());
            Assert.Equal(0f, store.Bias(item));
            Assert.Equal(0f, store.Norm(item));
        }
    }

    [Fact]
    public void AddReturnsConsecutiveIndices()
    {
        var store = new ItemVectors(2);
        Assert.Equal(0, store.Add([1f, 0f]));
        Assert.Equal(1, store.Add([0f, 1f], 2f));
        Assert.Equal([0f, 2f], store.Biases.ToArray());
    }

    [Fact]
    public void ConstructorCopiesRowMajorValues()
    {
        var values = new[] { 1f, 2f, 3f, 4f, 5f, 6f };
        var store = new ItemVectors(2, values, [7f, 8f, 9f]);
        values[0] = 100f;
        Assert.Equal(3, store.Count);
        Assert.Equal([1f, 2f], store.Row(0).ToArray());
        Assert.Equal([5f, 6f], store.Row(2).ToArray());
        Assert.Equal(9f, store.Bias(2));
        Assert.Equal(2, ItemVectors.FromRows(3, values).Count);
    }

    [Fact]
    public void AnUpdatedRowIsVisibleToTheNextQuery()
    {
        var random = new Random(2);
        var store = ScoringReference.RandomStore(random, 500, 20, withBiases: true);
        var query = ScoringReference.Gaussian(random, 20);
        var before = store.TopK(query, 5);

        var boosted = query.Select(v => v * 10f).ToArray();
        store.Set(123, boosted, 0f);
        var after = store.TopK(query, 5);

        Assert.Equal(123, after[0].Item);
        Assert.DoesNotContain(123, before.Select(s => s.Item));
        Assert.Equal(ScoringReference.BruteForceTopK(store, query, 5), after);

        store.Set(123, new float[20], -100f);
        Assert.Equal(before, store.TopK(query, 5));
    }

    [Fact]
    public void RowsAddedOneByOneRankLikeABulkBuiltStore()
    {
        var random = new Random(13);
        var bulk = ScoringReference.RandomStore(random, 333, 9, withBiases: true);
        var incremental = new ItemVectors(9, capacity: 1);
        for (var item = bulk.Count - 1; item >= 0; item--) incremental.Set(item, bulk.Row(item), bulk.Bias(item));
        var query = ScoringReference.Gaussian(random, 9);
        Assert.Equal(bulk.TopK(query, 25), incremental.TopK(query, 25));
    }

    [Fact]
    public void CopiedRowsScoreAsTheirSourceDoes()
    {
        var random = new Random(21);
        var source = ScoringReference.RandomStore(random, 333, 9, withBiases: true);
        var copy = ScoringReference.RandomStore(random, 100, 9, withBiases: true); // other rows, fewer of them
        foreach (var item in Enumerable.Range(0, source.Count).OrderBy(_ => random.Next())) copy.CopyRow(source, item);

        Assert.Equal(source.Count, copy.Count);
        for (var item = 0; item < source.Count; item++)
        {
            Assert.Equal(source.Row(item).ToArray(), copy.Row(item).ToArray());
            Assert.Equal((source.Bias(item), source.Norm(item)), (copy.Bias(item), copy.Norm(item)));
        }
        // The int8 scan's codes and bounds come across as they are, not encoded again.
        var (bytes, rows) = (source.Codes.Codes.Length, source.Codes.Capacity);
        Assert.Equal(source.Codes.Codes, copy.Codes.Codes[..bytes]);
        Assert.Equal(source.Codes.NormWeights, copy.Codes.NormWeights[..rows]);
        Assert.Equal(source.Codes.UpperBiases, copy.Codes.UpperBiases[..rows]);
        var query = ScoringReference.Gaussian(random, 9);
        Assert.Equal(source.TopK(query, 25), copy.TopK(query, 25));
        Assert.Equal(source.SimilarItems(7, 25), copy.SimilarItems(7, 25));
        Assert.Throws<ArgumentException>(() => new ItemVectors(8).CopyRow(source, 0));
    }

    [Fact]
    public void InvalidArgumentsAreRejected()
    {
        var store = new ItemVectors(3);
        Assert.Throws<ArgumentException>(() => store.Set(0, [1f, 2f], 0f));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.Set(-1, [1f, 2f, 3f], 0f));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.Row(0));
        Assert.Throws<ArgumentException>(() => new ItemVectors(3, new float[5], new float[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ItemVectors(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ItemVectors(ItemVectors.MaxDimensions + 1));
    }
}
