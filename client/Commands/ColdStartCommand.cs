using System.CommandLine;
using OnlineRecs.Abstractions.Serving;
using OnlineRecs.Client.Cluster;

namespace OnlineRecs.Client.Commands;

/// <summary><c>cold-start</c>: top-K for a new user known only by what they say of themselves.</summary>
public static class ColdStartCommand
{
    public static Command Create()
    {
        var gender = new Option<string?>("--gender") { Description = "e.g. M or F." };
        var age = new Option<int?>("--age") { Description = "Age in years (1 to 130)." };
        var occupation = new Option<string?>("--occupation") { Description = "e.g. artist." };
        var genres = new Option<string?>("--genres") { Description = "Liked genres, comma-separated, e.g. Comedy,Drama: only items with one of them." };
        var k = QueryOptions.K();
        var connection = new ConnectionOptions();
        var command = new Command("cold-start", "Top-K for a user with no history, from metadata alone.") { gender, age, occupation, genres, k };
        connection.AddTo(command);
        command.SetAction((result, cancellation) =>
        {
            var count = result.GetValue(k);
            var years = result.GetValue(age);
            // Checked here as well as by the silo: the gateway path would otherwise fail inside the profile with a parameter name.
            var problem = QueryOptions.CheckK(count) ?? (years is < 1 or > 130 ? $"--age must be between 1 and 130, not {years}." : null);
            if (problem is not null) return Task.FromResult(EvalCommand.Fail(problem));
            var liked = result.GetValue(genres)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var profile = new ColdStartProfile(result.GetValue(gender), years, result.GetValue(occupation), liked, null);
            return connection.Run(result, 1, async cluster =>
            {
                RankedListTable.Print($"top {count} for a new user", await cluster.ColdStart(profile, count, cancellation));
                return 0;
            }, cancellation);
        });
        return command;
    }
}
