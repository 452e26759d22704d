using System.CommandLine;
using OnlineRecs.Client.Cluster;

namespace OnlineRecs.Client.Commands;

/// <summary><c>similar</c>: the items whose vectors are closest (cosine) to an item's.</summary>
public static class SimilarCommand
{
    public static Command Create()
    {
        var item = QueryOptions.Id("--item", "The item's id.");
        var k = QueryOptions.K();
        var connection = new ConnectionOptions();
        var command = new Command("similar", "Items most similar to an item.") { item, k };
        connection.AddTo(command);
        command.SetAction((result, cancellation) =>
        {
            var (itemId, count) = (result.GetValue(item), result.GetValue(k));
            if ((QueryOptions.CheckId(itemId, "--item") ?? QueryOptions.CheckK(count)) is { } problem) return Task.FromResult(EvalCommand.Fail(problem));
            return connection.Run(result, 1, async cluster =>
            {
                var found = await cluster.SimilarItems(itemId, count, cancellation);
                if (found is null) return EvalCommand.Fail($"item {itemId} is unknown.");
                RankedListTable.Print($"{count} items most similar to item {itemId}", found);
                return 0;
            }, cancellation);
        });
        return command;
    }
}
