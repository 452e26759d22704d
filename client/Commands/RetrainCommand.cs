using System.CommandLine;
using System.Globalization;
using OnlineRecs.Abstractions.Retraining;
using OnlineRecs.Client.Cluster;
using Spectre.Console;

namespace OnlineRecs.Client.Commands;

/// <summary><c>retrain</c>: starts a full retrain on the cluster and follows it, epoch by epoch, until the new version is live.</summary>
public static class RetrainCommand
{
    public static Command Create()
    {
        var connection = new ConnectionOptions();
        var algorithm = new Option<string?>("--algorithm") { Description = "als, warp or bpr (default: the silo's configured one)." };
        algorithm.AcceptOnlyFromAmong("als", "warp", "bpr");
        var noWait = new Option<bool>("--no-wait") { Description = "Start it and return at once." };
        var command = new Command("retrain", "Run a full retrain on the cluster and swap the new model in.") { algorithm, noWait };
        connection.AddTo(command);
        command.SetAction((result, cancellation) => connection.Run(result, 1, async cluster =>
        {
            var chosen = result.GetValue(algorithm);
            if (result.GetValue(noWait))
            {
                var started = await cluster.StartRetrain(chosen, cancellation);
                AnsiConsole.MarkupLine(started ? "retrain started" : "a retrain is already running");
                return 0;
            }
            var status = await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("retrain", maxValue: 1);
                    var done = await RetrainFollower.Run(cluster, chosen, s =>
                    {
                        if (!s.Running) return;
                        task.Description = Describe(s);
                        task.Value = s.Epochs == 0 ? 0 : (double)s.Epoch / s.Epochs;
                    }, cancellation);
                    task.Value = 1;
                    return done;
                });
            Print(status.History[^1]);
            return 0;
        }, cancellation));
        return command;
    }

    private static string Describe(RetrainStatus s) =>
        Markup.Escape($"{s.Algorithm} {Phase(s.Phase)} epoch {s.Epoch}/{s.Epochs}" + (s.Loss is { } loss ? $" loss {loss:F4}" : ""));

    private static string Phase(RetrainPhase phase) => phase switch
    {
        RetrainPhase.CatchingUp => "catching up",
        _ => phase.ToString().ToLowerInvariant(),
    };

    private static void Print(RetrainRecord r)
    {
        var table = new Table().AddColumn("field").AddColumn("value");
        table.AddRow("model version", r.Version.ToString(CultureInfo.InvariantCulture));
        table.AddRow("algorithm", r.Algorithm);
        table.AddRow("positives fitted", r.SnapshotPositives.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("newer events caught up", r.CaughtUpEvents.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("  of them with ingest held", r.RelearnedEvents.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("seconds", r.Seconds.ToString("F2", CultureInfo.InvariantCulture));
        table.AddRow("loss per epoch", r.EpochLosses.Length == 0 ? "" :
            $"{r.EpochLosses[0]:F4} → {r.EpochLosses[^1]:F4} ({r.EpochLosses.Length} epochs)");
        AnsiConsole.Write(table);
    }
}
