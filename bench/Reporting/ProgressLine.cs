using Spectre.Console;

namespace OnlineRecs.Bench.Reporting;

/// <summary>
/// Shows what the run is doing: a live status line on an interactive terminal, otherwise one line
/// per step, so that a log of a redirected run still shows where the time went.
/// </summary>
public static class ProgressLine
{
    public static T Run<T>(IAnsiConsole console, Func<Action<string>, T> work)
    {
        if (!console.Profile.Capabilities.Interactive)
            return work(text => console.WriteLine(text));
        return console.Status().Spinner(Spinner.Known.Dots).Start("starting", context =>
            work(text => context.Status(Markup.Escape(text))));
    }
}
