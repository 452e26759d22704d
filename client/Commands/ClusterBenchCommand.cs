using System.CommandLine;
using System.Diagnostics;
using OnlineRecs.Abstractions.Events;
using OnlineRecs.Abstractions.Serving;
using OnlineRecs.Client.Cluster;
using OnlineRecs.Core.Data;
using Spectre.Console;

namespace OnlineRecs.Client.Commands;

/// <summary>
/// <c>bench ingest</c>: the sustained ingest rate and acknowledgement latency of a running cluster, measured from this
/// client; <c>bench query</c> and <c>bench freshness</c>: its latencies, alone and while a paced stream ingests in the
/// background; <c>bench retrain</c>: ingest rate and query latency under load, idle and while a full retrain runs.
/// A benchmark, not a test: it prints a table and, with <c>--json</c>, one JSON object.
/// </summary>
public static class ClusterBenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Measure a running cluster: query latency and freshness, alone and while ingesting.");
        command.Subcommands.Add(Ingest());
        command.Subcommands.Add(Query());
        command.Subcommands.Add(Freshness());
        command.Subcommands.Add(Retrain());
        return command;
    }

    private static Command Retrain()
    {
        var (data, json, connection) = (DataOption.Create(), Json(), new ConnectionOptions());
        var rate = new Option<int>("--rate") { Description = "Recommendation queries per second, sent on schedule.", DefaultValueFactory = _ => 200 };
        var seconds = new Option<int>("--seconds") { Description = "How long each idle phase runs.", DefaultValueFactory = _ => 8 };
        var repeat = new Option<int>("--repeat") { Description = "Idle and retrain phases, side by side, this many times; the ratios' medians are reported.", DefaultValueFactory = _ => 3 };
        var algorithm = new Option<string>("--algorithm") { Description = "als, warp or bpr.", DefaultValueFactory = _ => "warp" };
        algorithm.AcceptOnlyFromAmong("als", "warp", "bpr");
        var command = new Command("retrain",
            "Ingest at full speed and query at a fixed rate, idle and then for as long as a full retrain takes, a few times; compare.") { data, rate, seconds, repeat, algorithm, json };
        connection.AddTo(command);
        command.SetAction(async (result, cancellation) =>
        {
            if (DataOption.Read(result.GetValue(data)!) is not { } dataset) return 2;
            var (perSecond, duration, repeats, chosen) =
                (result.GetValue(rate), TimeSpan.FromSeconds(result.GetValue(seconds)), result.GetValue(repeat), result.GetValue(algorithm)!);
            if (perSecond <= 0 || duration <= TimeSpan.Zero || repeats <= 0) return EvalCommand.Fail("--rate, --seconds and --repeat must be positive.");
            var users = dataset.Ratings.Select(r => r.UserId).Distinct().ToArray();
            var ordered = dataset.Ratings.OrderBy(r => r.Timestamp).ToArray();
            return await connection.Run(result, 64, async cluster =>
            {
                await QueryPhase(cluster, users, perSecond, TimeSpan.FromSeconds(2), cancellation); // warm-up: connections, JIT
                var rows = new List<(string, List<double>, double)>();
                var (ingestRatios, p99Ratios) = (new List<double>(), new List<double>());
                for (var n = 1; n <= repeats; n++)
                {
                    var idle = await UnderLoad(cluster, ordered, users, perSecond, () => Task.Delay(duration, cancellation), cancellation);
                    var retraining = await UnderLoad(cluster, ordered, users, perSecond,
                        () => RetrainFollower.Run(cluster, chosen, null, cancellation), cancellation);
                    rows.Add(($"{n}: idle ({idle.Seconds:F1} s)", idle.Latencies, idle.EventsPerSecond));
                    rows.Add(($"{n}: during a {chosen} retrain ({retraining.Seconds:F1} s)", retraining.Latencies, retraining.EventsPerSecond));
                    ingestRatios.Add(retraining.EventsPerSecond / idle.EventsPerSecond);
                    p99Ratios.Add(Percentile([.. retraining.Latencies.Order()], 0.99) / Percentile([.. idle.Latencies.Order()], 0.99));
                }
                var (ingest, p99) = (Median(ingestRatios), Median(p99Ratios));
                Report($"ingest at full speed and {perSecond} queries/s, idle and during a {chosen} retrain", [.. rows], result.GetValue(json),
                    new() { ["median_ingest_during_retrain_vs_idle"] = ingest, ["median_query_p99_during_retrain_vs_idle"] = p99 });
                AnsiConsole.MarkupLine($"median of {repeats}: during a retrain, ingest at {ingest:P0} of idle, query p99 {p99:F2}× idle");
                return 0;
            }, cancellation);
        });
        return command;
    }

    private static double Median(List<double> values) => Percentile([.. values.Order()], 0.5);

    /// <summary>Streams <paramref name="ratings"/> as fast as acknowledged and queries at <paramref name="rate"/> until <paramref name="until"/> ends.</summary>
    private static async Task<LoadOutcome> UnderLoad(IClusterConnection cluster, Rating[] ratings, int[] users, int rate, Func<Task> until,
        CancellationToken cancellation)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var replay = new StreamReplay(cluster, 1_000, 4, rate: null);
        var streaming = Endlessly(replay, ratings, stop.Token);
        var queries = QueryPhase(cluster, users, rate, TimeSpan.FromHours(1), stop.Token);
        var clock = Stopwatch.StartNew();
        await until();
        var (seconds, streamed) = (clock.Elapsed.TotalSeconds, replay.Acknowledged);
        await stop.CancelAsync();
        await streaming;
        var latencies = await queries;
        return new LoadOutcome(latencies, streamed, seconds);
    }

    /// <summary>Streams <paramref name="ratings"/> over and over until stopped: a phase must never run out of events to send.</summary>
    private static Task Endlessly(StreamReplay replay, Rating[] ratings, CancellationToken stop) => Task.Run(async () =>
    {
        try
        {
            while (!stop.IsCancellationRequested) await replay.Run(ratings, stop);
        }
        catch (OperationCanceledException) { }
    });

    private sealed record LoadOutcome(List<double> Latencies, long Streamed, double Seconds)
    {
        public double EventsPerSecond => Streamed / Seconds;
    }

    /// <summary>
    /// The data set streamed in timestamp order as fast as the cluster acknowledges (or at <c>--rate</c>), several passes
    /// back to back, each ending when the model has learned its last event. The first pass meets every user new (most
    /// loss steps per event); later ones are the same events as repeat traffic from users with history, the steady
    /// state of a running system.
    /// </summary>
    private static Command Ingest()
    {
        var (data, json, connection) = (DataOption.Create(), Json(), new ConnectionOptions());
        var passes = new Option<int>("--passes") { Description = "Times the data set is streamed, back to back.", DefaultValueFactory = _ => 3 };
        var batch = new Option<int>("--batch") { Description = "Events per request.", DefaultValueFactory = _ => 1_000 };
        var inFlight = new Option<int>("--in-flight") { Description = "Requests awaiting acknowledgement at once.", DefaultValueFactory = _ => 4 };
        var rate = new Option<int?>("--rate") { Description = "Events per second to send at (default: as fast as acknowledged)." };
        var command = new Command("ingest", "Sustained ingest with online learning: events/s and acknowledgement latency, pass by pass.")
            { data, passes, batch, inFlight, rate, json };
        connection.AddTo(command);
        command.SetAction(async (result, cancellation) =>
        {
            if (DataOption.Read(result.GetValue(data)!) is not { } dataset) return 2;
            var (times, size, window, perSecond) = (result.GetValue(passes), result.GetValue(batch), result.GetValue(inFlight), result.GetValue(rate));
            if (times <= 0 || size <= 0 || window <= 0 || perSecond <= 0)
                return EvalCommand.Fail("--passes, --batch, --in-flight and --rate must be positive.");
            var ordered = dataset.Ratings.OrderBy(r => r.Timestamp).ToArray();
            return await connection.Run(result, window, async cluster =>
            {
                var pace = perSecond is { } r ? $"sent at {r:N0}/s" : "as fast as acknowledged";
                var table = new Table().Title($"ingest, {ordered.Length:N0} events a pass, batches of {size:N0}, {window} in flight, {pace}")
                    .AddColumns("pass", "acknowledged/s", "learned/s", "ack p50 ms", "ack p99 ms", "errors");
                var rows = new List<Dictionary<string, object>>();
                // What the cluster held before; the connection's first round trip, with its one-time costs, is this one.
                var before = await cluster.Summary(cancellation);
                for (var pass = 1; pass <= times; pass++)
                {
                    var summary = await new StreamReplay(cluster, size, window, perSecond).Run(ordered, cancellation);
                    table.AddRow($"{pass}", $"{summary.EventsPerSecond:N0}", $"{summary.LearnedPerSecond:N0}", $"{summary.AckP50Ms:F1}",
                        $"{summary.AckP99Ms:F1}", $"{summary.Errors}");
                    rows.Add(new() { ["pass"] = pass, ["events_per_second"] = summary.EventsPerSecond,
                        ["learned_events_per_second"] = summary.LearnedPerSecond, ["ack_p50_ms"] = summary.AckP50Ms,
                        ["ack_p99_ms"] = summary.AckP99Ms, ["errors"] = summary.Errors, ["seconds"] = summary.Seconds });
                }
                AnsiConsole.Write(table);
                if (result.GetValue(json) is { } path)
                    ResultJson.Write(path, new Dictionary<string, object?> { ["benchmark"] = "ingest", ["events_per_pass"] = ordered.Length,
                        ["batch"] = size, ["in_flight"] = window, ["rate"] = perSecond, ["passes"] = rows,
                        ["model_before"] = new Dictionary<string, object> { ["users"] = before.Users, ["items"] = before.Items, ["events"] = before.EventsApplied } });
                return 0;
            }, cancellation);
        });
        return command;
    }

    private static Command Query()
    {
        var (data, ingestRate, json, connection) = (DataOption.Create(), IngestRate(), Json(), new ConnectionOptions());
        var rate = new Option<int>("--rate") { Description = "Recommendation queries per second, sent on schedule.", DefaultValueFactory = _ => 500 };
        var seconds = new Option<int>("--seconds") { Description = "How long each phase runs.", DefaultValueFactory = _ => 10 };
        var command = new Command("query", "Top-10 latency at a fixed query rate, alone and while a stream ingests.") { data, rate, seconds, ingestRate, json };
        connection.AddTo(command);
        command.SetAction(async (result, cancellation) =>
        {
            if (DataOption.Read(result.GetValue(data)!) is not { } dataset) return 2;
            var (perSecond, duration, ingest) = (result.GetValue(rate), TimeSpan.FromSeconds(result.GetValue(seconds)), result.GetValue(ingestRate));
            if (perSecond <= 0 || duration <= TimeSpan.Zero || ingest <= 0) return EvalCommand.Fail("--rate, --seconds and --ingest-rate must be positive.");
            var users = dataset.Ratings.Select(r => r.UserId).Distinct().ToArray();
            return await connection.Run(result, 64, async cluster =>
            {
                await QueryPhase(cluster, users, perSecond, TimeSpan.FromSeconds(2), cancellation); // warm-up: connections, JIT
                var alone = await QueryPhase(cluster, users, perSecond, duration, cancellation);
                var (busy, ingested) = await WhileIngesting(cluster, dataset, ingest, () => QueryPhase(cluster, users, perSecond, duration, cancellation));
                var rows = new[] { ("alone", alone, 0.0), ($"while ingesting {ingest:N0}/s", busy, ingested) };
                Report($"recommendation latency at {perSecond} queries/s", rows, result.GetValue(json));
                return 0;
            }, cancellation);
        });
        return command;
    }

    private static Command Freshness()
    {
        var (data, ingestRate, json, connection) = (DataOption.Create(), IngestRate(), Json(), new ConnectionOptions());
        var probes = new Option<int>("--probes") { Description = "Events sent and watched for.", DefaultValueFactory = _ => 200 };
        var command = new Command("freshness", "Time from sending an event about a new item until the item answers similar-items queries.") { data, probes, ingestRate, json };
        connection.AddTo(command);
        command.SetAction(async (result, cancellation) =>
        {
            if (DataOption.Read(result.GetValue(data)!) is not { } dataset) return 2;
            var (count, ingest) = (result.GetValue(probes), result.GetValue(ingestRate));
            if (count <= 0 || ingest <= 0) return EvalCommand.Fail("--probes and --ingest-rate must be positive.");
            return await connection.Run(result, 64, async cluster =>
            {
                var alone = await FreshnessPhase(cluster, dataset, count, cancellation);
                var (busy, ingested) = await WhileIngesting(cluster, dataset, ingest, () => FreshnessPhase(cluster, dataset, count, cancellation));
                var rows = new[] { ("alone", alone, 0.0), ($"while ingesting {ingest:N0}/s", busy, ingested) };
                Report("event to visible in similar-items", rows, result.GetValue(json));
                return 0;
            }, cancellation);
        });
        return command;
    }

    /// <summary>
    /// Open loop: query n goes out at n/rate whether or not earlier ones have answered, so slowness shows as latency.
    /// Runs for <paramref name="duration"/> or until <paramref name="stop"/>; the queries already out are awaited.
    /// </summary>
    private static async Task<List<double>> QueryPhase(IClusterConnection cluster, int[] users, int rate, TimeSpan duration, CancellationToken stop)
    {
        var latencies = new List<double>();
        var pending = new List<Task>();
        var random = new Random(42);
        var clock = Stopwatch.StartNew();
        for (var n = 0; n < rate * duration.TotalSeconds && !stop.IsCancellationRequested; n++)
        {
            var due = TimeSpan.FromSeconds(n / (double)rate) - clock.Elapsed;
            try
            {
                if (due > TimeSpan.Zero) await Task.Delay(due, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            var user = users[random.Next(users.Length)];
            pending.Add(Timed(() => cluster.Recommend(user, new RecommendationRequest(10), CancellationToken.None), latencies));
        }
        await Task.WhenAll(pending);
        return latencies;
    }

    /// <summary>
    /// Each probe rates an item the cluster has never seen (ids above the data set's) and polls similar-items until the
    /// item answers: a change every event makes, unlike a vector that a step may leave where it was.
    /// </summary>
    private static async Task<List<double>> FreshnessPhase(IClusterConnection cluster, RatingDataset data, int probes, CancellationToken cancellation)
    {
        var latencies = new List<double>();
        var random = new Random(7);
        var firstNewItem = data.Ratings.Max(r => r.ItemId) + 1 + random.Next(1_000_000);
        for (var n = 0; n < probes; n++)
        {
            var rating = data.Ratings[random.Next(data.Ratings.Length)];
            var item = firstNewItem + n * 7 + random.Next(7);
            var sent = Stopwatch.StartNew();
            await cluster.Ingest([new RatingEvent(rating.UserId, item, 5f, rating.Timestamp)], cancellation);
            // Polled a millisecond apart: back to back, the polls would take the CPU the learner needs to make the item visible.
            while (sent.Elapsed < TimeSpan.FromSeconds(2) && await cluster.SimilarItems(item, 10, cancellation) is null)
                await Task.Delay(1, cancellation);
            latencies.Add(sent.Elapsed.TotalMilliseconds);
        }
        return latencies;
    }

    /// <summary>
    /// Runs <paramref name="measure"/> while the data set streams, in time order and over and over, at <paramref name="rate"/> events/s;
    /// returns the rate reached.
    /// </summary>
    private static async Task<(List<double> Latencies, double EventsPerSecond)> WhileIngesting(IClusterConnection cluster, RatingDataset data,
        int rate, Func<Task<List<double>>> measure)
    {
        using var stop = new CancellationTokenSource();
        var replay = new StreamReplay(cluster, Math.Max(1, rate / 20), 4, rate);
        var background = Endlessly(replay, data.Ratings.OrderBy(r => r.Timestamp).ToArray(), stop.Token);
        var started = Stopwatch.StartNew();
        var latencies = await measure();
        var reached = replay.Acknowledged / started.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await background;
        return (latencies, reached);
    }

    private static async Task Timed(Func<Task> call, List<double> latencies)
    {
        var clock = Stopwatch.StartNew();
        await call();
        lock (latencies) latencies.Add(clock.Elapsed.TotalMilliseconds);
    }

    private static void Report(string title, (string Phase, List<double> Latencies, double Ingested)[] rows, string? jsonPath,
        Dictionary<string, object?>? summary = null)
    {
        var table = new Table().Title(title).AddColumns("phase", "samples", "p50 ms", "p99 ms", "max ms", "ingested events/s");
        var json = new Dictionary<string, object?>(summary ?? []) { ["benchmark"] = title };
        foreach (var (phase, latencies, ingested) in rows)
        {
            latencies.Sort();
            var (p50, p99) = (Percentile(latencies, 0.50), Percentile(latencies, 0.99));
            table.AddRow(phase, $"{latencies.Count}", $"{p50:F2}", $"{p99:F2}", $"{latencies[^1]:F2}", ingested > 0 ? $"{ingested:N0}" : "");
            json[phase] = new Dictionary<string, object> { ["samples"] = latencies.Count, ["p50_ms"] = p50, ["p99_ms"] = p99, ["max_ms"] = latencies[^1], ["ingested_events_per_second"] = ingested };
        }
        AnsiConsole.Write(table);
        if (jsonPath is not null) ResultJson.Write(jsonPath, json);
    }

    private static double Percentile(List<double> sorted, double share) => sorted[Math.Min(sorted.Count - 1, (int)(share * sorted.Count))];

    private static Option<int> IngestRate() => new("--ingest-rate") { Description = "Events/s streamed in the background during the second phase.", DefaultValueFactory = _ => 10_000 };

    private static Option<string?> Json() => new("--json") { Description = "Also write the figures as one JSON object to this file." };
}
