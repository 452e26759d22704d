using OnlineRecs.Core.Scoring;

namespace OnlineRecs.Core.Tests.Scoring;

public class CosineTests
{
    [Theory]
    [InlineData(64)]
    [InlineData(11)]
    public void CosineTopKMatchesBruteForce(int dimensions)
    {
        var random = new Random(dimensions);
        var store = ScoringReference.RandomStore(random, 777, dimensions, withBiases: true);
        store.Set(50, new float[dimensions], 1f);
        var exclude = new ItemExclusion([1, 2, 3, 400]);
        for (var q = 0; q < 10; q++)
        {
            var vector = ScoringReference.Gaussian(random, dimensions, MathF.Pow(10f, q - 5));
            Assert.Equal(
                ScoringReference.BruteForceCosine(store, vector, 10, item => !exclude.Contains(item)),
                store.CosineTopK(vector, 10, exclude));
        }
    }

    [Fact]
    public void CosineMatchesTheDefinitionAndIgnoresBiases()
    {
        var store = new ItemVectors(2);
        store.Add([3f, 4f], 100f);
        store.Add([0f, 0f], 5f);
        Assert.Equal(0.6f, store.Cosine([1f, 0f], 0), 6);
        Assert.Equal(0f, store.Cosine([1f, 0f], 1));
        Assert.Equal(0f, store.Cosine([0f, 0f], 0));
    }

    [Fact]
    public void SimilarItemsSkipsTheItemItselfAndMatchesBruteForce()
    {
        var random = new Random(21);
        var store = ScoringReference.RandomStore(random, 400, 16, withBiases: false);
        var twin = store.Row(7).ToArray().Select(v => v * 3f).ToArray();
        store.Set(300, twin, 0f);
        var filter = new ItemFilter(Enumerable.Range(0, 400).Where(i => i != 5).ToArray());

        var result = store.SimilarItems(7, 8, filter: filter);

        Assert.DoesNotContain(7, result.Select(s => s.Item));
        Assert.Equal(300, result[0].Item);
        Assert.Equal(1f, result[0].Score, 5);
        var query = store.Row(7).ToArray();
        Assert.Equal(ScoringReference.BruteForceCosine(store, query, 8, item => item != 7 && item != 5), result);
    }

    [Fact]
    public void AZeroQueryScoresEverythingZeroAndKeepsIndexOrder()
    {
        var store = ScoringReference.RandomStore(new Random(4), 50, 5, withBiases: false);
        var result = store.CosineTopK(new float[5], 4, new ItemExclusion([1]));
        Assert.Equal([0, 2, 3, 4], result.Select(s => s.Item));
        Assert.All(result, s => Assert.Equal(0f, s.Score));
    }

    [Fact]
    public void InvalidArgumentsAreRejected()
    {
        var store = ScoringReference.RandomStore(new Random(4), 10, 5, withBiases: false);
        Assert.Throws<ArgumentOutOfRangeException>(() => store.SimilarItems(10, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.SimilarItems(1, 0));
        Assert.Throws<ArgumentException>(() => store.CosineTopK(new float[4], 3));
    }
}
