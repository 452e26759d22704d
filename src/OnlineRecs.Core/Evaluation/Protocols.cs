using OnlineRecs.Core.Randomness;
using OnlineRecs.Core.Data;
using OnlineRecs.Core.Sparse;

namespace OnlineRecs.Core.Evaluation;

/// <summary>The offline protocols of PROTOCOL.md: split, coldstart-users and coldstart-items.</summary>
public static class Protocols
{
    public const float DefaultThreshold = 4.0f;
    public const ulong DefaultSeed = 42;

    /// <summary>§1: a user with at least 5 positives sends (u, i) to test iff mix(seed ^ (u &lt;&lt; 32) ^ i) % 5 == 0.</summary>
    public static EvaluationSplit Split(RatingDataset data, float threshold = DefaultThreshold, ulong seed = DefaultSeed)
    {
        var universe = new Universe(data.Ratings);
        var positives = PositivesByUser(data.Ratings, universe, threshold);
        return Assign("split", universe, positives,
            (u, i) => positives[u].Count >= 5 && SplitMix64.Mix(seed ^ ((ulong)universe.Users[u] << 32) ^ (ulong)universe.Items[i]) % 5 == 0,
            evaluatedNeedsTrain: true) with { ExcludeTrainItems = true };
    }

    /// <summary>§2: user u is cold iff mix(seed ^ u) % 10 == 0; all its ratings leave training.</summary>
    public static EvaluationSplit ColdStartUsers(RatingDataset data, float threshold = DefaultThreshold, ulong seed = DefaultSeed)
    {
        var universe = new Universe(data.Ratings);
        var positives = PositivesByUser(data.Ratings, universe, threshold);
        var cold = Enumerable.Range(0, universe.Users.Count).Select(u => SplitMix64.Mix(seed ^ (ulong)universe.Users[u]) % 10 == 0).ToArray();
        return Assign("coldstart-users", universe, positives, (u, _) => cold[u], evaluatedNeedsTrain: false);
    }

    /// <summary>§3: item i is cold iff mix(seed ^ (i &lt;&lt; 1) ^ 1) % 10 == 0; users rank the cold items only.</summary>
    public static EvaluationSplit ColdStartItems(RatingDataset data, float threshold = DefaultThreshold, ulong seed = DefaultSeed)
    {
        var universe = new Universe(data.Ratings);
        var positives = PositivesByUser(data.Ratings, universe, threshold);
        var cold = Enumerable.Range(0, universe.Items.Count).Select(i => SplitMix64.Mix(seed ^ ((ulong)universe.Items[i] << 1) ^ 1) % 10 == 0).ToArray();
        return Assign("coldstart-items", universe, positives, (_, i) => cold[i], evaluatedNeedsTrain: false)
            with { CandidateItems = [.. Enumerable.Range(0, cold.Length).Where(i => cold[i])] };
    }

    /// <summary>
    /// Sends each positive to test or train by <paramref name="isTest"/>; a user is evaluated when it has
    /// test positives (and, where <paramref name="evaluatedNeedsTrain"/>, train positives too).
    /// </summary>
    private static EvaluationSplit Assign(string protocol, Universe universe, List<int>[] positives, Func<int, int, bool> isTest,
        bool evaluatedNeedsTrain)
    {
        var train = new List<(int, int, float)>();
        var evaluated = new List<int>();
        var tests = new List<HashSet<int>>();
        for (var u = 0; u < positives.Length; u++)
        {
            var test = new HashSet<int>();
            var trainCount = 0;
            foreach (var i in positives[u])
            {
                if (isTest(u, i)) test.Add(i);
                else { train.Add((u, i, 1f)); trainCount++; }
            }
            if (test.Count > 0 && (trainCount > 0 || !evaluatedNeedsTrain))
            {
                evaluated.Add(u);
                tests.Add(test);
            }
        }
        return new EvaluationSplit
        {
            Protocol = protocol,
            Universe = universe,
            Train = CsrMatrix.FromTriplets(universe.Users.Count, universe.Items.Count, train),
            EvaluatedUsers = [.. evaluated],
            TestItems = [.. tests],
        };
    }

    /// <summary>Each user's distinct positive items (rating ≥ threshold), in file order.</summary>
    private static List<int>[] PositivesByUser(IReadOnlyList<Rating> ratings, Universe universe, float threshold)
    {
        var positives = new List<int>[universe.Users.Count];
        var seen = new HashSet<(int, int)>();
        for (var u = 0; u < positives.Length; u++) positives[u] = [];
        foreach (var r in ratings)
        {
            if (r.Value < threshold) continue;
            var u = universe.Users.IndexOf(r.UserId);
            var i = universe.Items.IndexOf(r.ItemId);
            if (seen.Add((u, i))) positives[u].Add(i);
        }
        return positives;
    }
}
