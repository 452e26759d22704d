using OnlineRecs.Core.Sparse;

namespace OnlineRecs.Core.Evaluation;

/// <summary>
/// What a protocol hands a model and its evaluator: the universe, the training positives
/// (users × items, value 1), and for each evaluated user the test positives and the items to
/// leave out of its ranking.
/// </summary>
public sealed record EvaluationSplit
{
    public required string Protocol { get; init; }

    public required Universe Universe { get; init; }

    public required CsrMatrix Train { get; init; }

    /// <summary>Evaluated users (dense indices), ascending.</summary>
    public required int[] EvaluatedUsers { get; init; }

    /// <summary>Test positives per evaluated user, in the order of <see cref="EvaluatedUsers"/>.</summary>
    public required HashSet<int>[] TestItems { get; init; }

    /// <summary>
    /// The items a user's ranking is drawn from, when not the whole universe (coldstart-items ranks
    /// the cold items only); null means every item.
    /// </summary>
    public int[]? CandidateItems { get; init; }

    /// <summary>Whether a user's train positives leave its ranking (split) or not (cold-start).</summary>
    public bool ExcludeTrainItems { get; init; }

    public int TrainPositives => Train.NonZeros;

    public int TestPositives => TestItems.Sum(t => t.Count);
}
