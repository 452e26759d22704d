using System.Diagnostics;
using OnlineRecs.Bench.Data;
using OnlineRecs.Bench.Measuring;
using OnlineRecs.Core.Scoring;

namespace OnlineRecs.Bench.Benchmarks;

/// <summary>
/// Latency of one user's top-10 over trained item vectors, the user's training items excluded, as a
/// single request is served: on one thread. Only the search is timed; refilling the reused exclusion is not.
/// </summary>
public static class TopKLatencyBenchmark
{
    public const int K = 10;

    private const int UserSeed = 7;

    public static Measurement Run(BenchDataset data, TrainedVectors vectors, int queries, Action<string> status)
    {
        var candidates = Enumerable.Range(0, data.Users).Where(u => data.Train.RowLength(u) > 0).ToArray();
        var random = new Random(UserSeed);
        var exclusion = new ItemExclusion();
        var warmUp = Math.Max(1, queries / 10);
        var microseconds = new List<double>(queries);
        status($"{data.Name}: top-{K} over {vectors.Model} vectors, {warmUp:N0} warm-up and {queries:N0} timed queries");
        for (var q = -warmUp; q < queries; q++)
        {
            var user = candidates[random.Next(candidates.Length)];
            exclusion.Reset(data.Train.RowColumns(user));
            var started = Stopwatch.GetTimestamp();
            vectors.Items.TopK(vectors.User(user), K, exclusion);
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (q >= 0) microseconds.Add(elapsed.TotalMicroseconds);
        }
        return new Measurement(data.Name, $"top-{K} ({vectors.Model} vectors)", 1, "µs/query", SampleSummary.Of(microseconds));
    }
}
