using System.Globalization;
using System.Text.Json;
using OnlineRecs.Core.Data;
using OnlineRecs.Core.Evaluation;
using Spectre.Console;

namespace OnlineRecs.Client.Commands;

/// <summary><c>eval --protocol prequential</c>: replays the stream under a mode and prints HR@10 overall and per tenth.</summary>
internal static class PrequentialEval
{
    public static int Run(RatingDataset data, PrequentialOptions options, string? jsonPath)
    {
        PrequentialReport report;
        try
        {
            report = AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask($"replaying {EvalCommand.ModelName(options.Parameters.Model)} ({EvalCommand.ModeName(options.Mode)})", maxValue: 1);
                    return Prequential.Run(data, options, new Progress<double>(share => task.Value = share));
                });
        }
        catch (ArgumentException e)
        {
            return EvalCommand.Fail(e.Message);
        }

        PrintTable(data, report);
        if (jsonPath is not null) WriteJson(jsonPath, data, options, report);
        return 0;
    }

    private static void PrintTable(RatingDataset data, PrequentialReport r)
    {
        var table = new Table().AddColumns("protocol", "model", "mode", "evaluated", "HR@10", "retrains", "train s", "replay s", "events/s");
        table.AddRow("prequential", EvalCommand.ModelName(r.Model), EvalCommand.ModeName(r.Mode), r.EvaluatedEvents.ToString("N0"), $"{r.HitRate:F4}",
            r.Retrains.ToString(), $"{r.InitialTrainSeconds:F2}", $"{r.ReplaySeconds:F2}", $"{r.EventsPerSecond:N0}");
        AnsiConsole.MarkupLine($"[grey]{Markup.Escape(data.Name)} ({data.Format}): {r.ReplayEvents:N0} replayed events[/]");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("HR@10 per tenth of the replay: " +
            string.Join("  ", r.HitRateByTenth.Select(h => h.ToString("F4", CultureInfo.InvariantCulture))));
    }

    private static void WriteJson(string path, RatingDataset data, PrequentialOptions options, PrequentialReport r)
    {
        var p = options.Parameters;
        var result = new Dictionary<string, object?>
        {
            ["protocol"] = "prequential",
            ["model"] = EvalCommand.ModelName(r.Model),
            ["mode"] = EvalCommand.ModeName(r.Mode),
            ["data"] = data.Name,
            ["params"] = new Dictionary<string, object>
            {
                ["factors"] = p.Factors, ["epochs"] = p.Epochs, ["learning_rate"] = p.LearningRate, ["alpha"] = p.Alpha,
                ["regularization"] = p.Regularization, ["threads"] = p.Threads, ["seed"] = p.Seed, ["features"] = p.UseFeatures,
                ["retrain_every"] = options.RetrainIntervalFor(r.ReplayEvents), ["online_steps"] = options.OnlineSteps,
            },
            ["hr_at_10"] = r.HitRate,
            ["hr_at_10_by_tenth"] = r.HitRateByTenth,
            ["evaluated_events"] = r.EvaluatedEvents,
            ["hits"] = r.Hits,
            ["replay_events"] = r.ReplayEvents,
            ["retrains"] = r.Retrains,
            ["train_seconds"] = r.InitialTrainSeconds,
            ["replay_seconds"] = r.ReplaySeconds,
            ["events_per_second"] = r.EventsPerSecond,
        };
        ResultJson.Write(path, result);
    }
}
