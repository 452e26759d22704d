using System.Globalization;
using OnlineRecs.Bench.Measuring;
using Spectre.Console;

namespace OnlineRecs.Bench.Reporting;

/// <summary>The human-readable view of a <see cref="BenchReport"/>.</summary>
public static class ResultTable
{
    public static Table Build(BenchReport report)
    {
        var table = new Table()
            .Title($"OnlineRecs benchmarks, {BenchSettings.Factors} factors")
            .Caption(Markup.Escape($"{report.Machine.ProcessorCount} cores ({report.Machine.Cpu ?? report.Machine.Architecture}), " +
                $"{report.Machine.Runtime}, {report.Date:yyyy-MM-dd HH:mm} UTC; medians after a warm-up round, ratio = median / 1-thread median"))
            .AddColumns("Data set", "Benchmark", "Unit", "Threads")
            .AddColumn(new TableColumn("Median").RightAligned())
            .AddColumn(new TableColumn("p99").RightAligned())
            .AddColumn(new TableColumn("Interactions/s").RightAligned())
            .AddColumn(new TableColumn("vs 1 thread").RightAligned())
            .AddColumn("Target");
        foreach (var m in report.Measurements)
        {
            table.AddRow(
                Markup.Escape(m.Dataset),
                Markup.Escape(m.Benchmark),
                Markup.Escape(DisplayUnit(m.Unit)),
                m.Threads.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(Value(m.Summary.Median, m.Unit)),
                Markup.Escape(m.Unit == "µs/query" ? Value(m.Summary.P99, m.Unit) : ""),
                m.InteractionsPerSecond is { } rate ? rate.ToString("N0", CultureInfo.InvariantCulture) : "",
                m.RatioToOneThread is { } ratio ? $"×{ratio.ToString("F2", CultureInfo.InvariantCulture)}" : "",
                Target(m));
        }
        return table;
    }

    // Seconds per round read best as milliseconds at these sizes.
    private static bool InSeconds(string unit) => unit.StartsWith("s/", StringComparison.Ordinal);

    private static string DisplayUnit(string unit) => InSeconds(unit) ? "m" + unit : unit;

    private static string Value(double value, string unit) =>
        (InSeconds(unit) ? value * 1000 : value).ToString("N1", CultureInfo.InvariantCulture);

    private static string Target(Measurement m) => m.TargetSeconds is not { } target
        ? ""
        : string.Create(CultureInfo.InvariantCulture, $"[{(m.MeetsTarget == true ? "green" : "red")}]≤ {target * 1000:N0} ms {(m.MeetsTarget == true ? "met" : "missed")}[/]");
}
