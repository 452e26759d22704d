using System.CommandLine;
using OnlineRecs.Abstractions.Serving;
using OnlineRecs.Client.Cluster;

namespace OnlineRecs.Client.Commands;

/// <summary><c>similar</c> and <c>similar-users</c>: the items or users whose vectors are closest (cosine) to one's own.</summary>
public static class SimilarCommand
{
    public static Command ForItems() => Create("similar", "--item", "item", "Items most similar to an item.",
        (cluster, id, k, cancellation) => cluster.SimilarItems(id, k, cancellation), "item id");

    public static Command ForUsers() => Create("similar-users", "--user", "user", "Users most similar to a user.",
        (cluster, id, k, cancellation) => cluster.SimilarUsers(id, k, cancellation), "user id");

    private static Command Create(string name, string idOption, string noun, string description,
        Func<IClusterConnection, int, int, CancellationToken, Task<ScoredItems?>> query, string idColumn)
    {
        var id = QueryOptions.Id(idOption, $"The {noun}'s id.");
        var k = QueryOptions.K();
        var connection = new ConnectionOptions();
        var command = new Command(name, description) { id, k };
        connection.AddTo(command);
        command.SetAction((result, cancellation) =>
        {
            var (entityId, count) = (result.GetValue(id), result.GetValue(k));
            if ((QueryOptions.CheckId(entityId, idOption) ?? QueryOptions.CheckK(count)) is { } problem) return Task.FromResult(EvalCommand.Fail(problem));
            return connection.Run(result, 1, async cluster =>
            {
                var found = await query(cluster, entityId, count, cancellation);
                if (found is null) return EvalCommand.Fail($"{noun} {entityId} is unknown.");
                RankedListTable.Print($"{count} {noun}s most similar to {noun} {entityId}", found, idColumn: idColumn);
                return 0;
            }, cancellation);
        });
        return command;
    }
}
