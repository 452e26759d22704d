using Spectre.Console;

namespace OnlineRecs.Bench.Reporting;

/// <summary>
/// Sends the table and the JSON document where they belong: the JSON to its file, or else to stdout,
/// in which case the table moves to stderr so that stdout stays one parseable document.
/// </summary>
public static class ReportOutput
{
    // Spectre assumes 80 columns when output is redirected, which wraps every row of the table in a log.
    private const int RedirectedWidth = 160;

    public static void Write(BenchReport report, string? jsonPath, IAnsiConsole stderr)
    {
        if (jsonPath is null)
        {
            if (Console.IsErrorRedirected) stderr.Profile.Width = RedirectedWidth;
            stderr.Write(ResultTable.Build(report));
            using var stdout = Console.OpenStandardOutput();
            JsonReport.Write(report, stdout);
            return;
        }

        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = RedirectedWidth;
        AnsiConsole.Write(ResultTable.Build(report));
        using (var file = File.Create(jsonPath)) JsonReport.Write(report, file);
        stderr.WriteLine($"Wrote {Path.GetFullPath(jsonPath)}");
    }
}
