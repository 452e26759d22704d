using System.CommandLine;
using OnlineRecs.Client.Cluster;

namespace OnlineRecs.Client.Commands;

/// <summary><c>similar-users</c>: the users whose vectors are closest (cosine) to a user's.</summary>
public static class SimilarUsersCommand
{
    public static Command Create()
    {
        var user = QueryOptions.Id("--user", "The user's id.");
        var k = QueryOptions.K();
        var connection = new ConnectionOptions();
        var command = new Command("similar-users", "Users most similar to a user.") { user, k };
        connection.AddTo(command);
        command.SetAction((result, cancellation) =>
        {
            var (userId, count) = (result.GetValue(user), result.GetValue(k));
            if ((QueryOptions.CheckId(userId, "--user") ?? QueryOptions.CheckK(count)) is { } problem) return Task.FromResult(EvalCommand.Fail(problem));
            return connection.Run(result, 1, async cluster =>
            {
                var found = await cluster.SimilarUsers(userId, count, cancellation);
                if (found is null) return EvalCommand.Fail($"user {userId} is unknown.");
                RankedListTable.Print($"{count} users most similar to user {userId}", found, idColumn: "user id");
                return 0;
            }, cancellation);
        });
        return command;
    }
}
