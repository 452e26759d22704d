using System.CommandLine;
using OnlineRecs.Core.Data;
using Spectre.Console;

namespace OnlineRecs.Client.Commands;

/// <summary><c>generate</c>: writes a synthetic data set with planted structure, for scale work and experiments.</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder to write ratings.csv, users.csv and items.csv into.", Required = true };
        var users = new Option<int>("--users") { DefaultValueFactory = _ => 6_000 };
        var items = new Option<int>("--items") { DefaultValueFactory = _ => 3_600 };
        var interactions = new Option<int>("--interactions") { DefaultValueFactory = _ => 1_000_000 };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 42 };
        var userMetadata = new Option<SyntheticUserMetadata>("--user-metadata")
        {
            Description = "segments (the planted segment, gender, age) or demographics (gender, age, occupation, as MovieLens 100K/1M).",
            DefaultValueFactory = _ => SyntheticUserMetadata.Segments,
        };
        var command = new Command("generate", "Write a synthetic data set: planted low-rank taste, power-law popularity, metadata that carries signal.")
        {
            output, users, items, interactions, seed, userMetadata,
        };
        command.SetAction(result =>
        {
            var options = new SyntheticDataOptions
            {
                Users = result.GetValue(users), Items = result.GetValue(items),
                Interactions = result.GetValue(interactions), Seed = result.GetValue(seed), UserMetadata = result.GetValue(userMetadata),
            };
            RatingDataset data;
            try
            {
                data = AnsiConsole.Status().Start("generating", _ => new SyntheticDataGenerator(options).Generate().Dataset);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
            var folder = result.GetValue(output)!;
            SyntheticDataWriter.Write(data, folder);
            AnsiConsole.MarkupLine($"wrote {data.Ratings.Length:N0} ratings to [bold]{Markup.Escape(folder)}[/]");
            return 0;
        });
        return command;
    }
}
