using System.Diagnostics;
using OnlineRecs.Core.Als;
using Xunit.Abstractions;

namespace OnlineRecs.Core.Tests.Als;

/// <summary>Timings to run by hand (--filter Category=Perf); the bounds are loose so a busy machine does not fail them.</summary>
[Trait("Category", "Perf")]
public class AlsSpeedTests(ITestOutputHelper output)
{
    [Fact]
    public void OneIterationOnAMovieLensShapedMatrix()
    {
        var matrix = SyntheticInteractions.MovieLensShaped();
        var log = new ProgressLog();
        var model = new ImplicitAls(new AlsOptions { Factors = 64, CgSteps = 3, Threads = 2, Iterations = 20 });
        const int warmUp = 8; // tiered JIT settles during the first iterations
        model.Fit(matrix, log);

        var seconds = log.Reports.Skip(warmUp).Select(r => r.Seconds).Order().ToArray();
        var median = seconds[seconds.Length / 2] * 1000;
        output.WriteLine($"{matrix.Rows} × {matrix.Cols}, {matrix.NonZeros} nonzeros: median {median:F1} ms per iteration after {warmUp} warm-up iterations (fastest {seconds[0] * 1000:F1}, slowest {seconds[^1] * 1000:F1})");
        Assert.True(median < 300, $"median {median:F1} ms");
    }

    [Fact]
    public void FoldInOfAUserWithAHundredItems()
    {
        var matrix = SyntheticInteractions.MovieLensShaped(users: 500, nonZeros: 40_000);
        var model = new ImplicitAls(new AlsOptions { Factors = 64, Threads = 2, Iterations = 2 });
        model.Fit(matrix);
        var random = new Random(3);
        var items = Enumerable.Range(0, matrix.Cols).OrderBy(_ => random.Next()).Take(100).Order().ToArray();
        var values = items.Select(_ => (float)random.Next(1, 6)).ToArray();
        var user = new float[64];

        var microseconds = new double[400];
        for (var run = 0; run < microseconds.Length; run++)
        {
            var started = Stopwatch.GetTimestamp();
            model.RecalculateUser(items, values, user);
            microseconds[run] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }
        Array.Sort(microseconds);
        var median = microseconds[microseconds.Length / 2];
        output.WriteLine($"RecalculateUser, 100 items, 64 factors: median {median:F1} µs (p90 {microseconds[microseconds.Length * 9 / 10]:F1} µs)");
        Assert.True(median < 1000, $"median {median:F1} µs");
    }
}
