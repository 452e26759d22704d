using OnlineRecs.Core.Scoring;

namespace OnlineRecs.Core.Tests.Scoring;

public class TopKTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(13, 3, 5)]
    [InlineData(250, 7, 10)]
    [InlineData(1001, 64, 10)]
    [InlineData(517, 21, 40)]
    [InlineData(300, 130, 7)]
    public void MatchesBruteForceOnRandomData(int count, int dimensions, int k)
    {
        for (var seed = 0; seed < 8; seed++)
        {
            var random = new Random(seed * 7919 + count);
            var store = ScoringReference.RandomStore(random, count, dimensions, withBiases: seed % 2 == 0);
            var query = ScoringReference.Gaussian(random, dimensions);
            Assert.Equal(ScoringReference.BruteForceTopK(store, query, k), store.TopK(query, k));
        }
    }

    [Fact]
    public void ScoreAllMatchesADoublePrecisionDotProduct()
    {
        var random = new Random(5);
        var store = ScoringReference.RandomStore(random, 77, 19, withBiases: true);
        var query = ScoringReference.Gaussian(random, 19);
        var scores = new float[80];
        store.ScoreAll(query, scores);
        for (var item = 0; item < store.Count; item++)
        {
            var row = store.Row(item).ToArray();
            var expected = store.Bias(item) + Enumerable.Range(0, 19).Sum(j => (double)row[j] * query[j]);
            Assert.Equal(expected, scores[item], 4);
            Assert.Equal(store.Score(query, item), scores[item]);
        }
    }

    [Fact]
    public void Int8ScanAndExhaustiveScanAgree()
    {
        var random = new Random(11);
        var store = ScoringReference.RandomStore(random, 2000, 33, withBiases: true);
        var exclude = new ItemExclusion(Enumerable.Range(0, 150).Select(_ => random.Next(2000)).ToArray());
        var filter = new ItemFilter(Enumerable.Range(0, 2000).Where(i => i % 3 != 0).ToArray());
        for (var q = 0; q < 20; q++)
        {
            var query = ScoringReference.Gaussian(random, 33);
            var mask = new ScanMask(exclude, filter, -1);
            Assert.Equal(store.DotTopK(query, 15, mask, useInt8: false), store.DotTopK(query, 15, mask, useInt8: Int8CandidateScan.IsSupported));
        }
    }

    [Fact]
    public void KLargerThanTheAllowedItemsReturnsEveryAllowedItem()
    {
        var random = new Random(3);
        var store = ScoringReference.RandomStore(random, 37, 6, withBiases: true);
        var query = ScoringReference.Gaussian(random, 6);
        var exclude = new ItemExclusion([0, 5, 9, 36]);
        var result = store.TopK(query, 1000, exclude);
        Assert.Equal(33, result.Length);
        Assert.Equal(ScoringReference.BruteForceTopK(store, query, 1000, exclude), result);
    }

    [Fact]
    public void EverythingExcludedOrFilteredOutGivesAnEmptyResult()
    {
        var random = new Random(4);
        var store = ScoringReference.RandomStore(random, 29, 8, withBiases: false);
        var query = ScoringReference.Gaussian(random, 8);
        Assert.Empty(store.TopK(query, 5, new ItemExclusion(Enumerable.Range(0, 29).ToArray())));
        Assert.Empty(store.TopK(query, 5, filter: new ItemFilter()));
        Assert.Empty(new ItemVectors(8).TopK(query, 5));
    }

    [Fact]
    public void EqualScoresRankTheLowerIndexFirst()
    {
        var random = new Random(6);
        var row = ScoringReference.Gaussian(random, 12);
        var store = new ItemVectors(12);
        for (var item = 0; item < 40; item++) store.Add(item % 4 == 0 ? row : ScoringReference.Gaussian(random, 12, 0.01f));
        var result = store.TopK(row, 5);
        Assert.Equal([0, 4, 8, 12, 16], result.Select(s => s.Item));
        Assert.All(result, s => Assert.Equal(result[0].Score, s.Score));
    }

    [Fact]
    public void NearTiesBelowTheInt8ResolutionAreRankedExactly()
    {
        // Rows that differ from a base row by far less than one int8 step get identical codes, so only the
        // exact re-rank can order them; shuffled perturbations make the true order unrelated to the index.
        var random = new Random(8);
        const int dimensions = 24;
        var baseRow = ScoringReference.Gaussian(random, dimensions);
        var store = new ItemVectors(dimensions);
        var perturbations = Enumerable.Range(0, 300).OrderBy(_ => random.Next()).ToArray();
        foreach (var step in perturbations)
        {
            var row = (float[])baseRow.Clone();
            row[step % dimensions] += step * 1e-6f;
            store.Add(row, bias: (step % 7) * 1e-7f);
        }

        for (var q = 0; q < 10; q++)
        {
            var query = q == 0 ? baseRow : ScoringReference.Gaussian(random, dimensions);
            Assert.Equal(ScoringReference.BruteForceTopK(store, query, 10), store.TopK(query, 10));
        }
    }

    [Fact]
    public void ErrorsHiddenInsideOneInt8StepAreRankedExactly()
    {
        // Every row is the same integer vector (exact in int8, step 1) plus a perturbation below half a step,
        // so all rows get identical codes; the query is integer too, so it quantizes without error. The int8
        // estimates are then all equal and only the bound on the row quantization error can order the rows.
        var random = new Random(14);
        const int dimensions = 16;
        var center = Enumerable.Range(0, dimensions).Select(j => j == 0 ? 127f : random.Next(-127, 128)).ToArray();
        var store = new ItemVectors(dimensions);
        for (var item = 0; item < 500; item++)
            store.Add(center.Select((v, j) => j == 0 ? v : v + (float)(random.NextDouble() - 0.5) * 0.8f).ToArray());

        for (var q = 0; q < 10; q++)
        {
            var query = Enumerable.Range(0, dimensions).Select(j => j == 0 ? 127f : random.Next(-127, 128)).ToArray();
            Assert.Equal(ScoringReference.BruteForceTopK(store, query, 10), store.TopK(query, 10));
            Assert.Equal(ScoringReference.BruteForceCosine(store, query, 10, _ => true), store.CosineTopK(query, 10));
        }
    }

    [Fact]
    public void QueryErrorsHiddenInsideOneInt8StepAreRankedExactly()
    {
        // The mirror case: small integer rows quantize exactly and often tie in the int8 estimate, while the
        // query carries perturbations below half a step that only the bound on its quantization error accounts for.
        var random = new Random(15);
        const int dimensions = 16;
        var store = new ItemVectors(dimensions);
        for (var item = 0; item < 500; item++)
            store.Add(Enumerable.Range(0, dimensions).Select(j => j == 0 ? 127f : random.Next(-3, 4)).ToArray());

        for (var q = 0; q < 10; q++)
        {
            var query = Enumerable.Range(0, dimensions)
                .Select(j => j == 0 ? 127f : random.Next(-3, 4) + (float)(random.NextDouble() - 0.5) * 0.8f)
                .ToArray();
            Assert.Equal(ScoringReference.BruteForceTopK(store, query, 10), store.TopK(query, 10));
            Assert.Equal(ScoringReference.BruteForceCosine(store, query, 10, _ => true), store.CosineTopK(query, 10));
        }
    }

    [Fact]
    public void RowsOfVeryDifferentScalesAreRankedExactly()
    {
        var random = new Random(9);
        var store = new ItemVectors(17);
        for (var item = 0; item < 500; item++)
        {
            var scale = MathF.Pow(10f, random.Next(-3, 4));
            store.Add(ScoringReference.Gaussian(random, 17, scale), (float)random.NextDouble() * scale);
        }

        for (var q = 0; q < 10; q++)
        {
            var query = ScoringReference.Gaussian(random, 17, MathF.Pow(10f, random.Next(-2, 3)));
            Assert.Equal(ScoringReference.BruteForceTopK(store, query, 12), store.TopK(query, 12));
        }
    }

    [Fact]
    public void ExclusionAndFilterAreHonoured()
    {
        var random = new Random(10);
        var store = ScoringReference.RandomStore(random, 400, 16, withBiases: true);
        var query = ScoringReference.Gaussian(random, 16);
        var unrestricted = store.TopK(query, 20).Select(s => s.Item).ToArray();
        var exclude = new ItemExclusion(unrestricted.Take(10).ToArray());
        var filter = new ItemFilter(Enumerable.Range(0, 400).Where(i => i % 2 == 1).ToArray());

        var result = store.TopK(query, 20, exclude, filter);

        Assert.All(result, s => Assert.False(exclude.Contains(s.Item)));
        Assert.All(result, s => Assert.True(s.Item % 2 == 1));
        Assert.Equal(ScoringReference.BruteForceTopK(store, query, 20, exclude, filter), result);
    }

    [Fact]
    public void AReusedExclusionForgetsItsPreviousItems()
    {
        var random = new Random(12);
        var store = ScoringReference.RandomStore(random, 300, 10, withBiases: false);
        var query = ScoringReference.Gaussian(random, 10);
        var best = store.TopK(query, 3).Select(s => s.Item).ToArray();
        var exclusion = new ItemExclusion(best);
        Assert.DoesNotContain(best[0], store.TopK(query, 3, exclusion).Select(s => s.Item));

        exclusion.Reset([299]);
        Assert.Equal(best, store.TopK(query, 3, exclusion).Select(s => s.Item));
    }

    [Fact]
    public void BiasOnlyScoringRanksByBias()
    {
        var biases = new[] { 0.5f, 3f, -1f, 3f, 2f };
        var store = new ItemVectors(0, ReadOnlySpan<float>.Empty, biases);
        var result = store.TopK([], 3, new ItemExclusion([4]));
        Assert.Equal([new ScoredItem(1, 3f), new ScoredItem(3, 3f), new ScoredItem(0, 0.5f)], result);
    }

    [Fact]
    public void InvalidArgumentsAreRejected()
    {
        var store = ScoringReference.RandomStore(new Random(1), 10, 4, withBiases: false);
        Assert.Throws<ArgumentOutOfRangeException>(() => store.TopK(new float[4], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.TopK(new float[4], -3));
        var wrongLength = Assert.Throws<ArgumentException>(() => store.TopK(new float[5], 3));
        Assert.Contains("4 dimensions", wrongLength.Message);
        Assert.Throws<ArgumentException>(() => store.ScoreAll(new float[4], new float[9]));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.Score(new float[4], 10));
    }
}
