using System.CommandLine;
using System.Globalization;
using OnlineRecs.Client.Cluster;
using Spectre.Console;

namespace OnlineRecs.Client.Commands;

/// <summary><c>model</c>: the cluster model's version, size and how far into the event log it has learned.</summary>
public static class ModelCommand
{
    public static Command Create()
    {
        var connection = new ConnectionOptions();
        var command = new Command("model", "Summary of the cluster's model.");
        connection.AddTo(command);
        command.SetAction((result, cancellation) => connection.Run(result, 1, async cluster =>
        {
            var s = await cluster.Summary(cancellation);
            var table = new Table().AddColumn("field").AddColumn("value");
            table.AddRow("model version", s.ModelVersion.ToString("N0", CultureInfo.InvariantCulture));
            table.AddRow("users", s.Users.ToString("N0", CultureInfo.InvariantCulture));
            table.AddRow("items", s.Items.ToString("N0", CultureInfo.InvariantCulture));
            table.AddRow("events applied", s.EventsApplied.ToString("N0", CultureInfo.InvariantCulture));
            table.AddRow("last sequence", s.LastSequence.ToString("N0", CultureInfo.InvariantCulture));
            table.AddRow("last update", s.LastUpdate?.ToString("u", CultureInfo.InvariantCulture) ?? "never");
            table.AddRow("factors", s.Factors.ToString(CultureInfo.InvariantCulture));
            table.AddRow("loss", Markup.Escape(s.Loss));
            if (s.Retrain is { } r)
            {
                table.AddRow("retrain", r.Running ? Markup.Escape($"{r.Algorithm} {r.Phase}: epoch {r.Epoch}/{r.Epochs}, {r.ElapsedSeconds:F1} s") : "idle");
                if (r.History.Length > 0)
                {
                    var last = r.History[^1];
                    table.AddRow("last retrain", Markup.Escape($"v{last.Version} {last.Algorithm}, {last.Seconds:F2} s, {last.StartedAt:u}"));
                }
                if (r.LastError is not null) table.AddRow("last retrain error", Markup.Escape(r.LastError));
            }
            AnsiConsole.MarkupLine($"[grey]{Markup.Escape(cluster.Target)}[/]");
            AnsiConsole.Write(table);
            return 0;
        }, cancellation));
        return command;
    }
}
