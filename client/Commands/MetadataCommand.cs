using System.CommandLine;
using System.Diagnostics;
using OnlineRecs.Abstractions.Events;
using OnlineRecs.Client.Cluster;
using OnlineRecs.Core.Data;
using Spectre.Console;

namespace OnlineRecs.Client.Commands;

/// <summary><c>metadata</c>: sends a data set's user features and item features and titles, which cold start, filters and answers use.</summary>
public static class MetadataCommand
{
    /// <summary>Records per request: well under the silo's per-request limit, and few requests for a whole catalogue.</summary>
    internal const int ChunkSize = 5_000;

    public static Command Create()
    {
        var data = DataOption.Create();
        var connection = new ConnectionOptions();
        var command = new Command("metadata", "Send every user's features and every item's features and title to the cluster.") { data };
        connection.AddTo(command);
        command.SetAction(async (result, cancellation) =>
        {
            if (DataOption.Read(result.GetValue(data)!) is not { } dataset) return 2;
            var records = Records(dataset);
            if (records.Length == 0) return EvalCommand.Fail($"{dataset.Name} ({dataset.Format}) carries no user or item metadata.");
            return await connection.Run(result, 1, async cluster =>
            {
                var started = Stopwatch.GetTimestamp();
                await AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask("sending metadata", maxValue: records.Length);
                        foreach (var chunk in records.Chunk(ChunkSize))
                        {
                            await cluster.SetMetadata(chunk, cancellation);
                            task.Increment(chunk.Length);
                        }
                    });
                var users = records.Count(r => r.Kind == EntityKind.User);
                AnsiConsole.MarkupLine($"sent metadata of {users:N0} users and {records.Length - users:N0} items to {Markup.Escape(cluster.Target)} " +
                    $"in {Stopwatch.GetElapsedTime(started).TotalSeconds:F2} s");
                return 0;
            }, cancellation);
        });
        return command;
    }

    /// <summary>Users, then items (an item may have a title, features or both), each in id order.</summary>
    internal static EntityMetadata[] Records(RatingDataset data)
    {
        var users = data.UserFeatures.OrderBy(u => u.Key).Select(u => new EntityMetadata(EntityKind.User, u.Key, u.Value));
        var items = data.ItemFeatures.Keys.Union(data.ItemTitles.Keys).Order().Select(id => new EntityMetadata(
            EntityKind.Item, id, data.ItemFeatures.GetValueOrDefault(id) ?? [], data.ItemTitles.GetValueOrDefault(id)));
        return [.. users, .. items];
    }
}
