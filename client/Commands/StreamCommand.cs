using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OnlineRecs.Client.Cluster;
using OnlineRecs.Core.Data;
using Spectre.Console;

namespace OnlineRecs.Client.Commands;

/// <summary><c>stream</c>: replays a data set's ratings into the cluster in time order, as producers would send them, and measures ingest.</summary>
public static class StreamCommand
{
    public static Command Create()
    {
        var data = DataOption.Create();
        var rate = new Option<string>("--rate") { Description = "Events per second, or max: as fast as the cluster acknowledges.", DefaultValueFactory = _ => "max" };
        var batch = new Option<int>("--batch") { Description = "Events per request.", DefaultValueFactory = _ => 1_000 };
        var inFlight = new Option<int>("--in-flight") { Description = "Batches sent and not yet acknowledged, at most.", DefaultValueFactory = _ => 4 };
        var limit = new Option<int?>("--limit") { Description = "Replay only the first N events in time order." };
        var ack = new Option<string>("--ack") { Description = "durable: a batch is acknowledged once logged; learned: once the model has learned it.", DefaultValueFactory = _ => "durable" };
        ack.AcceptOnlyFromAmong("durable", "learned");
        var json = new Option<string?>("--json") { Description = "Also write the summary as one JSON object to this file." };
        var connection = new ConnectionOptions();
        var command = new Command("stream", "Replay a data set's ratings into the cluster in timestamp order; report throughput and ack latency.")
        {
            data, rate, batch, inFlight, limit, ack, json,
        };
        connection.AddTo(command);
        command.SetAction(async (result, cancellation) =>
        {
            var (batchSize, outstanding, count) = (result.GetValue(batch), result.GetValue(inFlight), result.GetValue(limit));
            var rateText = result.GetValue(rate)!;
            double? perSecond = null;
            if (rateText != "max")
            {
                if (!double.TryParse(rateText, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) || !double.IsFinite(r) || r <= 0)
                    return EvalCommand.Fail($"--rate must be a positive number of events per second or max, not '{rateText}'.");
                perSecond = r;
            }
            if (batchSize < 1 || outstanding < 1 || count < 1) return EvalCommand.Fail("--batch, --in-flight and --limit must be positive.");
            if (DataOption.Read(result.GetValue(data)!) is not { } dataset) return 2;

            // Stable, so events with one timestamp keep their file order.
            var ratings = dataset.Ratings.OrderBy(e => e.Timestamp).Take(count ?? int.MaxValue).ToArray();
            return await connection.Run(result, outstanding, async cluster =>
            {
                var replay = new StreamReplay(cluster, batchSize, outstanding, perSecond, untilLearned: result.GetValue(ack) == "learned");
                var summary = await Replay(replay, ratings, cancellation);
                Print(dataset, cluster, summary);
                if (result.GetValue(json) is { } path)
                {
                    try { WriteJson(path, dataset, cluster, summary, batchSize, outstanding, rateText); }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return EvalCommand.Fail(e.Message); }
                }
                if (summary.Errors == 0) return 0;
                Console.Error.WriteLine($"error: {summary.Errors:N0} events refused; the first refusal: {summary.FirstError}");
                return 1;
            }, cancellation);
        });
        return command;
    }

    /// <summary>Runs the replay under a progress bar that shows the rate, acknowledgements and errors so far.</summary>
    private static Task<StreamSummary> Replay(StreamReplay replay, Rating[] ratings, CancellationToken cancellation) =>
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("streaming", maxValue: Math.Max(ratings.Length, 1));
                var run = replay.Run(ratings, cancellation);
                while (true)
                {
                    var (acknowledged, errors) = (replay.Acknowledged, replay.Errors);
                    var seconds = replay.Elapsed.TotalSeconds;
                    task.Description = $"streaming {(seconds > 0 ? acknowledged / seconds : 0),9:N0} ev/s  acked {acknowledged,9:N0}  errors {errors:N0}";
                    task.Value = acknowledged + errors;
                    if (run.IsCompleted) return await run;
                    await Task.WhenAny(run, Task.Delay(200, CancellationToken.None));
                }
            });

    private static void Print(RatingDataset data, IClusterConnection cluster, StreamSummary s)
    {
        AnsiConsole.MarkupLine($"[grey]{Markup.Escape(data.Name)} ({data.Format}) into {Markup.Escape(cluster.Target)}[/]");
        var table = new Table().AddColumns("sent", "acked", "errors", "seconds", "acked/s", "learned/s", "ack p50 ms", "ack p99 ms");
        foreach (var column in table.Columns) column.RightAligned();
        table.AddRow(s.Sent.ToString("N0", CultureInfo.InvariantCulture), s.Acknowledged.ToString("N0", CultureInfo.InvariantCulture),
            s.Errors.ToString("N0", CultureInfo.InvariantCulture), s.Seconds.ToString("F2", CultureInfo.InvariantCulture),
            s.EventsPerSecond.ToString("N0", CultureInfo.InvariantCulture), s.LearnedPerSecond.ToString("N0", CultureInfo.InvariantCulture),
            s.AckP50Ms.ToString("F1", CultureInfo.InvariantCulture),
            s.AckP99Ms.ToString("F1", CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
    }

    private static void WriteJson(string path, RatingDataset data, IClusterConnection cluster, StreamSummary s, int batch, int inFlight, string rate)
    {
        var result = new Dictionary<string, object?>
        {
            ["data"] = data.Name,
            ["target"] = cluster.Target,
            ["batch"] = batch,
            ["in_flight"] = inFlight,
            ["rate"] = rate,
            ["events_sent"] = s.Sent,
            ["acknowledged"] = s.Acknowledged,
            ["errors"] = s.Errors,
            ["seconds"] = s.Seconds,
            ["events_per_second"] = s.EventsPerSecond,
            ["learned_events_per_second"] = s.LearnedPerSecond,
            ["ack_latency_p50_ms"] = s.AckP50Ms,
            ["ack_latency_p99_ms"] = s.AckP99Ms,
        };
        ResultJson.Write(path, result);
    }
}
