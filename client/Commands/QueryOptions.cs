using System.CommandLine;
using OnlineRecs.Abstractions.Serving;

namespace OnlineRecs.Client.Commands;

/// <summary>
/// What the query commands share. Arguments are checked here, before any request, so that both transports refuse
/// the same things with the same words (the gateway path has no HTTP layer to check them).
/// </summary>
internal static class QueryOptions
{
    public static Option<int> K() => new("--k") { Description = $"How many to list (1 to {RecommendationRequest.MaxK}).", DefaultValueFactory = _ => 10 };

    public static Option<int> Id(string name, string description) => new(name) { Description = description, Required = true };

    /// <summary>Why <paramref name="k"/> cannot be asked for, or null.</summary>
    public static string? CheckK(int k) =>
        k is < 1 or > RecommendationRequest.MaxK ? $"--k must be between 1 and {RecommendationRequest.MaxK}, not {k}." : null;

    /// <summary>Why <paramref name="id"/> is no user or item id, or null.</summary>
    public static string? CheckId(int id, string option) => id < 0 ? $"{option} must be a non-negative id, not {id}." : null;
}
