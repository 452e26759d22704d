using System.CommandLine;
using OnlineRecs.Abstractions.Serving;
using OnlineRecs.Client.Cluster;

namespace OnlineRecs.Client.Commands;

/// <summary><c>recommend</c>: a known user's top-K from the cluster's freshest vectors.</summary>
public static class RecommendCommand
{
    public static Command Create()
    {
        var user = QueryOptions.Id("--user", "The user's id.");
        var k = QueryOptions.K();
        var feature = new Option<string?>("--feature") { Description = "Keep only items with this feature, e.g. genre:Comedy." };
        var includeSeen = new Option<bool>("--include-seen") { Description = "Also list items the user has already rated." };
        var connection = new ConnectionOptions();
        var command = new Command("recommend", "Top-K items for a user.") { user, k, feature, includeSeen };
        connection.AddTo(command);
        command.SetAction((result, cancellation) =>
        {
            var (userId, count, featureText) = (result.GetValue(user), result.GetValue(k), result.GetValue(feature));
            if ((QueryOptions.CheckId(userId, "--user") ?? QueryOptions.CheckK(count)) is { } problem) return Task.FromResult(EvalCommand.Fail(problem));
            var featureName = featureText is null ? null : FeatureName(featureText);
            if (featureText is not null && featureName is null)
                return Task.FromResult(EvalCommand.Fail($"--feature must look like genre:Comedy, not '{featureText}'."));
            var request = new RecommendationRequest(count, ExcludeSeen: !result.GetValue(includeSeen), featureName);
            return connection.Run(result, 1, async cluster =>
            {
                var found = await cluster.Recommend(userId, request, cancellation);
                if (found is null) return EvalCommand.Fail($"user {userId} is unknown.");
                RankedListTable.Print($"top {count} for user {userId}" + (featureName is null ? "" : $" with {featureName}"), found);
                return 0;
            }, cancellation);
        });
        return command;
    }

    /// <summary><c>genre:Comedy</c> (or already <c>genre=Comedy</c>) in the readers' form <c>genre=Comedy</c>; null if it is neither.</summary>
    private static string? FeatureName(string text)
    {
        var separator = text.IndexOfAny([':', '=']);
        return separator <= 0 || separator == text.Length - 1 ? null : $"{text[..separator].Trim()}={text[(separator + 1)..].Trim()}";
    }
}
