using System.Diagnostics;
using System.Text;

namespace OnlineRecs.Cluster.Tests.EndToEnd;

/// <summary>Runs the repository's own commands as a user would, <c>dotnet run --project … -c Release -- …</c>, from the repository root.</summary>
public static class DotnetCommand
{
    /// <summary>
    /// Held while a command builds and runs, or a silo starts: two <c>dotnet run</c>s at once race on the build's files
    /// (the static web assets' cache), and one then fails.
    /// </summary>
    public static SemaphoreSlim OneAtATime { get; } = new(1, 1);

    public static ProcessStartInfo Run(string project, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "run", "--project", project, "-c", "Release", "--" }.Concat(arguments)) start.ArgumentList.Add(a);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["NO_COLOR"] = "1";
        return start;
    }

    /// <summary>Runs a command to its end and returns its exit code and output; fails the test if it overruns.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunToEnd(TimeSpan timeout, string project, params string[] arguments)
    {
        await OneAtATime.WaitAsync();
        try
        {
            using var process = Process.Start(Run(project, arguments))!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"dotnet run --project {project} {string.Join(' ', arguments)} ran over {timeout}.");
            }
            return (process.ExitCode, await output, await errors);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    /// <summary>The folder holding OnlineRecs.sln, found from the test's output folder.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "OnlineRecs.sln"))) return folder.FullName;
        throw new DirectoryNotFoundException("No folder above the tests holds OnlineRecs.sln.");
    }

    public static string Describe(this (int ExitCode, string Output, string Errors) result) =>
        new StringBuilder().Append("exit ").Append(result.ExitCode).AppendLine().Append(result.Output).AppendLine().Append(result.Errors).ToString();
}
