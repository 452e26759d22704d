using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using OnlineRecs.Bench.Measuring;
using OnlineRecs.Bench.Reporting;
using OnlineRecs.Core.Data;
using Spectre.Console;

namespace OnlineRecs.Bench;

/// <summary>The command line of the benchmark program.</summary>
public static class BenchCommand
{
    private const string DefaultMovieLensSmall = "/work/shared/data/movielens/ml-latest-small";

    public static RootCommand Create()
    {
        var suite = new Option<BenchSuite>("--suite")
        {
            Description = "all | als | warp | bpr | topk, or a comma list such as warp,topk.",
            DefaultValueFactory = _ => BenchSuite.All,
            CustomParser = ParseSuites,
        };
        var data = new Option<DataSelection>("--data")
        {
            Description = "small (ml-latest-small and the 3,000 × 3,600 × 223,300 speed-reference set) | synthetic (the large set) | both.",
            DefaultValueFactory = _ => DataSelection.Both,
        };
        var threads = new Option<int[]>("--threads")
        {
            Description = "Comma list of thread counts to train with, each fit run at every count back to back.",
            DefaultValueFactory = _ => [1, 2],
            CustomParser = ParseThreadCounts,
        };
        var json = new Option<string?>("--json") { Description = "Write the JSON document to this file instead of stdout." };
        var movieLens = new Option<string>("--movielens-small") { Description = "The ml-latest-small folder.", DefaultValueFactory = _ => DefaultMovieLensSmall };
        var users = PositiveOption("--synthetic-users", "Users of the large synthetic set.", 100_000);
        var items = PositiveOption("--synthetic-items", "Items of the large synthetic set.", 50_000);
        var interactions = PositiveOption("--synthetic-interactions", "Interactions of the large synthetic set.", 10_000_000);
        var iterations = PositiveOption("--synthetic-iterations", "ALS iterations per fit on the large set, including the warm-up.", 5);
        var epochs = PositiveOption("--synthetic-epochs", "WARP and BPR epochs per fit on the large set, including the warm-up.", 3);
        var queries = PositiveOption("--topk-queries", "Timed top-10 queries per model.", 10_000);

        var command = new RootCommand("Measures training speed (ALS, WARP, BPR) and top-10 latency at 64 factors.")
        {
            suite, data, threads, json, movieLens, users, items, interactions, iterations, epochs, queries,
        };
        command.Validators.Add(result =>
        {
            var shape = new SyntheticDataOptions { Users = result.GetValue(users), Items = result.GetValue(items) };
            var interactionCount = result.GetValue(interactions);
            if (interactionCount < shape.Users || interactionCount > (long)shape.Users * shape.MaxInteractionsPerUser)
                result.AddError($"--synthetic-interactions must lie between the user count and users × items / 5 ({(long)shape.Users * shape.MaxInteractionsPerUser:N0}).");
        });
        command.SetAction(result => Execute(new BenchSettings
        {
            Suites = result.GetValue(suite),
            Data = result.GetValue(data),
            ThreadCounts = result.GetValue(threads)!,
            JsonPath = result.GetValue(json),
            MovieLensSmallPath = result.GetValue(movieLens)!,
            SyntheticUsers = result.GetValue(users),
            SyntheticItems = result.GetValue(items),
            SyntheticInteractions = result.GetValue(interactions),
            SyntheticIterations = result.GetValue(iterations),
            SyntheticEpochs = result.GetValue(epochs),
            TopKQueries = result.GetValue(queries),
        }));
        return command;
    }

    private static int Execute(BenchSettings settings)
    {
        var stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var report = ProgressLine.Run(stderr, status => BenchmarkRunner.Run(settings, status));
        ReportOutput.Write(report, settings.JsonPath, stderr);
        return 0;
    }

    private static Option<int> PositiveOption(string name, string description, int defaultValue)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1) result.AddError($"{name} must be at least 1.");
        });
        return option;
    }

    private static BenchSuite ParseSuites(ArgumentResult result)
    {
        var suites = BenchSuite.None;
        foreach (var name in CommaSeparated(result))
        {
            if (Enum.TryParse<BenchSuite>(name, ignoreCase: true, out var one) && Enum.IsDefined(one) && one != BenchSuite.None) suites |= one;
            else result.AddError($"Unknown suite '{name}'; expected all, als, warp, bpr or topk.");
        }
        return suites;
    }

    private static int[] ParseThreadCounts(ArgumentResult result)
    {
        var counts = new List<int>();
        foreach (var text in CommaSeparated(result))
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1) counts.Add(count);
            else result.AddError($"'{text}' is not a thread count; expected positive integers such as 1,2.");
        }
        if (counts.Count == 0) result.AddError("--threads needs at least one thread count.");
        return [.. counts.Distinct().Order()];
    }

    private static IEnumerable<string> CommaSeparated(ArgumentResult result) =>
        result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
