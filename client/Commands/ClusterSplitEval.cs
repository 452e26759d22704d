using System.Diagnostics;
using System.Text.Json;
using OnlineRecs.Abstractions.Serving;
using OnlineRecs.Client.Cluster;
using OnlineRecs.Core.Data;
using OnlineRecs.Core.Evaluation;
using Spectre.Console;

namespace OnlineRecs.Client.Commands;

/// <summary>
/// <c>eval --protocol split --target &lt;url&gt;</c>: how well the cluster learns from the stream alone. The split's train
/// positives go once, in timestamp order, through the live ingest path (online updates only, no retrain), after the
/// data set's metadata; then every evaluated user's top-10 comes from the query API and is scored as PROTOCOL.md §1
/// says. AUC needs every item's score, which the API does not give, so it is left out.
/// </summary>
internal static class ClusterSplitEval
{
    private const int BatchSize = 1_000;
    // One batch at a time, each learned before the next: the groups, and so the figure, are the same from run to run.
    private const int InFlight = 1;

    public static async Task<int> Run(RatingDataset data, Uri target, float threshold, ulong seed, string? jsonPath)
    {
        var split = Protocols.Split(data, threshold, seed);
        var train = TrainPositives(data, split, threshold);
        try
        {
            await using var cluster = HttpConnection.Open(target, apiKey: null, InFlight);
            var metadata = MetadataCommand.Records(data);
            foreach (var chunk in metadata.Chunk(MetadataCommand.ChunkSize)) await cluster.SetMetadata(chunk, CancellationToken.None);

            var replay = new StreamReplay(cluster, BatchSize, InFlight, rate: null, untilLearned: true);
            var streamed = await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("streaming train positives", maxValue: train.Length);
                    using var ticker = new Timer(_ => task.Value = replay.Acknowledged, null, 0, 200);
                    return await replay.Run(train, CancellationToken.None);
                });
            if (streamed.Errors > 0) return EvalCommand.Fail($"the cluster refused {streamed.Errors} train events: {streamed.FirstError}");

            var evalStarted = Stopwatch.GetTimestamp();
            var (precision, recall, ndcg) = await Score(cluster, split);
            var evalSeconds = Stopwatch.GetElapsedTime(evalStarted).TotalSeconds;
            Print(data, split, train.Length, precision, recall, ndcg, streamed, evalSeconds, target);
            if (jsonPath is not null) WriteJson(jsonPath, data, split, target, precision, recall, ndcg, streamed, evalSeconds);
            return 0;
        }
        catch (ClusterException e)
        {
            return EvalCommand.Fail(e.Message);
        }
    }

    /// <summary>The ratings behind the split's train positives, oldest first.</summary>
    private static Rating[] TrainPositives(RatingDataset data, EvaluationSplit split, float threshold) =>
        [.. data.Ratings
            .Where(r => r.Value >= threshold
                && split.Universe.Users.TryGetIndex(r.UserId, out var u) && split.Universe.Items.TryGetIndex(r.ItemId, out var i)
                && split.Train.RowColumns(u).BinarySearch(i) >= 0)
            .OrderBy(r => r.Timestamp)];

    /// <summary>P@10, R@10 and NDCG@10 averaged over the evaluated users; a user the cluster does not know scores 0.</summary>
    private static async Task<(double Precision, double Recall, double Ndcg)> Score(IClusterConnection cluster, EvaluationSplit split)
    {
        double precision = 0, recall = 0, ndcg = 0;
        var request = new RecommendationRequest(RankingEvaluator.K, ExcludeSeen: true);
        for (var n = 0; n < split.EvaluatedUsers.Length; n++)
        {
            var userId = split.Universe.Users[split.EvaluatedUsers[n]];
            var found = await cluster.Recommend(userId, request, CancellationToken.None);
            var top = (found?.Items ?? [])
                .Select(i => split.Universe.Items.TryGetIndex(i.ItemId, out var dense) ? dense : -1)
                .ToArray();
            precision += RankingMetrics.PrecisionAt(RankingEvaluator.K, top, split.TestItems[n]);
            recall += RankingMetrics.RecallAt(top, split.TestItems[n]);
            ndcg += RankingMetrics.NdcgAt(RankingEvaluator.K, top, split.TestItems[n]);
        }
        var users = Math.Max(1, split.EvaluatedUsers.Length);
        return (precision / users, recall / users, ndcg / users);
    }

    private static void Print(RatingDataset data, EvaluationSplit split, int streamed, double precision, double recall, double ndcg,
        StreamSummary stream, double evalSeconds, Uri target)
    {
        AnsiConsole.MarkupLine($"[grey]{Markup.Escape(data.Name)}: {streamed:N0} train positives streamed to {Markup.Escape(target.ToString())}, " +
            $"{split.TestPositives:N0} test positives[/]");
        var table = new Table().AddColumns("protocol", "model", "users", "P@10", "R@10", "NDCG@10", "stream s", "events/s", "eval s");
        table.AddRow("split", "cluster (online only)", split.EvaluatedUsers.Length.ToString(), $"{precision:F4}", $"{recall:F4}", $"{ndcg:F4}",
            $"{stream.Seconds:F2}", $"{stream.EventsPerSecond:N0}", $"{evalSeconds:F2}");
        AnsiConsole.Write(table);
    }

    private static void WriteJson(string path, RatingDataset data, EvaluationSplit split, Uri target, double precision, double recall,
        double ndcg, StreamSummary stream, double evalSeconds)
    {
        var result = new Dictionary<string, object?>
        {
            ["protocol"] = "split",
            ["model"] = "cluster-online",
            ["data"] = data.Name,
            ["params"] = new Dictionary<string, object> { ["target"] = target.ToString(), ["batch"] = BatchSize, ["in_flight"] = InFlight },
            ["users_evaluated"] = split.EvaluatedUsers.Length,
            ["precision_at_10"] = precision,
            ["recall_at_10"] = recall,
            ["ndcg_at_10"] = ndcg,
            ["auc"] = null,
            ["train_seconds"] = stream.Seconds,
            ["events_per_second"] = stream.EventsPerSecond,
            ["eval_seconds"] = evalSeconds,
        };
        ResultJson.Write(path, result);
    }
}
