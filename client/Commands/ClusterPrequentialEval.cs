using System.Diagnostics;
using System.Globalization;
using OnlineRecs.Abstractions.Events;
using OnlineRecs.Abstractions.Serving;
using OnlineRecs.Client.Cluster;
using OnlineRecs.Core.Data;
using OnlineRecs.Core.Evaluation;
using Spectre.Console;

namespace OnlineRecs.Client.Commands;

/// <summary>
/// <c>eval --protocol prequential --target &lt;url&gt;</c>: PROTOCOL.md §4 against a live, empty cluster. The first half of
/// the time-ordered stream goes through the ingest path and a full retrain makes the initial model; the second half
/// is replayed test-then-train, one event at a time: an eligible positive is first scored through the query API
/// (top 10, seen items excluded), then the event goes through the ingest path. <c>frozen</c> sends it with weight 0,
/// which marks the item seen and teaches nothing; <c>online+retrain</c> also runs a full retrain every N events and
/// waits for it. An entity's metadata goes in just before its first event, so the index ranks exactly the items
/// that have appeared in the stream, as the protocol says, and the retrains and new items have their metadata.
/// </summary>
internal static class ClusterPrequentialEval
{
    private const int BatchSize = 1_000;
    private const int InFlight = 4;

    public static async Task<int> Run(RatingDataset data, Uri target, PrequentialMode mode, string algorithm, int? retrainEvery,
        float threshold, string? jsonPath)
    {
        var ordered = data.Ratings.OrderBy(r => r.Timestamp).ToArray(); // stable: ties keep file order
        var initial = ordered[..(ordered.Length / 2)];
        var replay = ordered[(ordered.Length / 2)..];
        var every = retrainEvery ?? Math.Max(1, replay.Length / PrequentialTally.Parts);
        try
        {
            await using var cluster = HttpConnection.Open(target, apiKey: null, InFlight);
            var before = await cluster.Summary(CancellationToken.None);
            if (before.EventsApplied > 0)
                return EvalCommand.Fail($"--target must be an empty cluster; {target} has already learned {before.EventsApplied:N0} events.");

            var metadata = new StreamMetadata(MetadataCommand.Records(data));
            var run = await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var streaming = context.AddTask("first half through ingest", maxValue: initial.Length);
                    foreach (var chunk in initial.SelectMany(metadata.FirstSeen).Chunk(MetadataCommand.ChunkSize))
                        await cluster.SetMetadata(chunk, CancellationToken.None);
                    var stream = new StreamReplay(cluster, BatchSize, InFlight, rate: null, untilLearned: true);
                    using (new Timer(_ => streaming.Value = stream.Acknowledged, null, 0, 200))
                    {
                        var streamed = await stream.Run(initial, CancellationToken.None);
                        if (streamed.Errors > 0) throw new ClusterException($"the cluster refused {streamed.Errors} events: {streamed.FirstError}");
                    }
                    streaming.Value = initial.Length;

                    var training = context.AddTask($"initial {algorithm} retrain", maxValue: 1);
                    var trainStarted = Stopwatch.GetTimestamp();
                    await RetrainFollower.Run(cluster, algorithm, s => training.Value = s.Epochs == 0 ? 0 : (double)s.Epoch / s.Epochs, CancellationToken.None);
                    training.Value = 1;
                    var trainSeconds = Stopwatch.GetElapsedTime(trainStarted).TotalSeconds;

                    var replaying = context.AddTask($"replaying test-then-train ({EvalCommand.ModeName(mode)})", maxValue: replay.Length);
                    var replayed = await Replay(cluster, initial, replay, metadata, mode, algorithm, every, threshold, n => replaying.Value = n);
                    return replayed with { TrainSeconds = trainSeconds };
                });
            Print(data, target, mode, algorithm, run);
            if (jsonPath is not null) WriteJson(jsonPath, data, target, mode, algorithm, every, run);
            return 0;
        }
        catch (ClusterException e)
        {
            return EvalCommand.Fail(e.Message);
        }
    }

    private static async Task<ReplayOutcome> Replay(IClusterConnection cluster, Rating[] initial, Rating[] replay, StreamMetadata metadata,
        PrequentialMode mode, string algorithm, int every, float threshold, Action<int> progress)
    {
        var usersWithPositive = initial.Where(r => r.Value >= threshold).Select(r => r.UserId).ToHashSet();
        var appeared = initial.Select(r => r.ItemId).ToHashSet();
        var tally = new PrequentialTally(replay.Length);
        var request = new RecommendationRequest(RankingEvaluator.K, ExcludeSeen: true);
        var weight = mode == PrequentialMode.Frozen ? 0f : 1f;
        var retrains = 0;
        var started = Stopwatch.GetTimestamp();
        for (var n = 0; n < replay.Length; n++)
        {
            var e = replay[n];
            var positive = e.Value >= threshold;
            if (positive && usersWithPositive.Contains(e.UserId) && appeared.Contains(e.ItemId))
            {
                var found = await cluster.Recommend(e.UserId, request, CancellationToken.None);
                tally.Record(n, found?.Items.Any(i => i.ItemId == e.ItemId) == true);
            }
            if (metadata.FirstSeen(e).ToArray() is { Length: > 0 } records) await cluster.SetMetadata(records, CancellationToken.None);
            await cluster.Ingest([new RatingEvent(e.UserId, e.ItemId, e.Value, e.Timestamp, weight)], CancellationToken.None, untilLearned: true); // test, then train
            if (positive) usersWithPositive.Add(e.UserId);
            appeared.Add(e.ItemId);
            if (mode == PrequentialMode.OnlineRetrain && (n + 1) % every == 0 && n + 1 < replay.Length)
            {
                await RetrainFollower.Run(cluster, algorithm, null, CancellationToken.None);
                retrains++;
            }
            if ((n + 1) % 100 == 0) progress(n + 1);
        }
        progress(replay.Length);
        return new ReplayOutcome(replay.Length, tally.Evaluated, tally.Hits, tally.HitRateByPart(), retrains, 0,
            Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>The data set's metadata records, each handed out once: with the first event that names its entity.</summary>
    private sealed class StreamMetadata(EntityMetadata[] records)
    {
        private readonly Dictionary<(EntityKind, int), EntityMetadata> _unsent = records.ToDictionary(m => (m.Kind, m.Id));

        public IEnumerable<EntityMetadata> FirstSeen(Rating rating)
        {
            if (_unsent.Remove((EntityKind.User, rating.UserId), out var user)) yield return user;
            if (_unsent.Remove((EntityKind.Item, rating.ItemId), out var item)) yield return item;
        }
    }

    private sealed record ReplayOutcome(int Events, int Evaluated, int Hits, double[] HitRateByTenth, int Retrains, double TrainSeconds,
        double ReplaySeconds)
    {
        public double HitRate => Evaluated == 0 ? 0 : (double)Hits / Evaluated;

        public double EventsPerSecond => ReplaySeconds == 0 ? 0 : Events / ReplaySeconds;
    }

    private static void Print(RatingDataset data, Uri target, PrequentialMode mode, string algorithm, ReplayOutcome r)
    {
        AnsiConsole.MarkupLine($"[grey]{Markup.Escape(data.Name)}: {r.Events:N0} events replayed through {Markup.Escape(target.ToString())}[/]");
        var table = new Table().AddColumns("protocol", "model", "mode", "evaluated", "HR@10", "retrains", "train s", "replay s", "events/s");
        table.AddRow("prequential", $"cluster ({algorithm} retrain)", EvalCommand.ModeName(mode), r.Evaluated.ToString("N0"), $"{r.HitRate:F4}",
            r.Retrains.ToString(), $"{r.TrainSeconds:F2}", $"{r.ReplaySeconds:F2}", $"{r.EventsPerSecond:N0}");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("HR@10 per tenth of the replay: " +
            string.Join("  ", r.HitRateByTenth.Select(h => h.ToString("F4", CultureInfo.InvariantCulture))));
    }

    private static void WriteJson(string path, RatingDataset data, Uri target, PrequentialMode mode, string algorithm, int every, ReplayOutcome r) =>
        ResultJson.Write(path, new Dictionary<string, object?>
        {
            ["protocol"] = "prequential",
            ["model"] = $"cluster-{algorithm}",
            ["mode"] = EvalCommand.ModeName(mode),
            ["data"] = data.Name,
            ["params"] = new Dictionary<string, object> { ["target"] = target.ToString(), ["retrain_algorithm"] = algorithm, ["retrain_every"] = every },
            ["hr_at_10"] = r.HitRate,
            ["hr_at_10_by_tenth"] = r.HitRateByTenth,
            ["evaluated_events"] = r.Evaluated,
            ["hits"] = r.Hits,
            ["replay_events"] = r.Events,
            ["retrains"] = r.Retrains,
            ["train_seconds"] = r.TrainSeconds,
            ["replay_seconds"] = r.ReplaySeconds,
            ["events_per_second"] = r.EventsPerSecond,
        });
}
