using System.Diagnostics;
using OnlineRecs.Core.Scoring;
using Xunit.Abstractions;

namespace OnlineRecs.Core.Tests.Scoring;

/// <summary>Runs the timing tests alone, after the parallel tests, so other tests do not compete for the cores.</summary>
[CollectionDefinition(nameof(ScoringPerformanceCollection), DisableParallelization = true)]
public class ScoringPerformanceCollection;

/// <summary>Timings on ml-latest-small's shape; the bounds are loose so a busy machine cannot fail them.</summary>
[Trait("Category", "Perf")]
[Collection(nameof(ScoringPerformanceCollection))]
public class TopKPerformanceTests(ITestOutputHelper output)
{
    private const int Dimensions = 64;

    [Theory]
    [InlineData(9_724, 3_000, 500)]
    [InlineData(100_000, 300, 5_000)]
    public void TopTenWithExclusionsIsFast(int items, int queries, double medianBoundMicroseconds)
    {
        var random = new Random(42);
        var store = ScoringReference.RandomStore(random, items, Dimensions, withBiases: false);
        var queryVectors = Enumerable.Range(0, 64).Select(_ => ScoringReference.Gaussian(random, Dimensions)).ToArray();
        var exclusions = Enumerable.Range(0, 64)
            .Select(_ => new ItemExclusion(Enumerable.Range(0, 150).Select(_ => random.Next(items)).ToArray()))
            .ToArray();

        var (median, p99) = Measure(queries, q => Assert.Equal(10, store.TopK(queryVectors[q & 63], 10, exclusions[q & 63]).Length));

        output.WriteLine($"TopK: {items} items, d = {Dimensions}, 150 excluded: median {median:F1} µs, p99 {p99:F1} µs");
        Assert.True(median < medianBoundMicroseconds, $"median {median:F1} µs");
    }

    [Fact]
    public void SimilarItemsIsFast()
    {
        var store = ScoringReference.RandomStore(new Random(7), 9_724, Dimensions, withBiases: false);

        var (median, p99) = Measure(3_000, q => Assert.Equal(10, store.SimilarItems(q % store.Count, 10).Length));

        output.WriteLine($"SimilarItems: {store.Count} items, d = {Dimensions}: median {median:F1} µs, p99 {p99:F1} µs");
        Assert.True(median < 500, $"median {median:F1} µs");
    }

    private static (double Median, double P99) Measure(int queries, Action<int> query)
    {
        // Warm up for longer than the JIT's tiering delay so the measured code is fully optimized.
        var warmUp = Stopwatch.StartNew();
        for (var q = 0; warmUp.ElapsedMilliseconds < 300; q++) query(q);

        var micros = new double[queries];
        for (var q = 0; q < queries; q++)
        {
            var start = Stopwatch.GetTimestamp();
            query(q);
            micros[q] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(micros);
        return (micros[queries / 2], micros[queries * 99 / 100]);
    }
}
