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
        var train = new List<(int, int, float)>();
        var evaluated = new List<int>();
        var tests = new List<HashSet<int>>();
        for (var u = 0; u < positives.Length; u++)
        {
            var userId = (ulong)universe.Users[u];
            var test = new HashSet<int>();
            var trainCount = 0;
            foreach (var i in positives[u])
            {
                var itemId = (ulong)universe.Items[i];
                if (positives[u].Count >= 5 && SplitMix64.Mix(seed ^ (userId << 32) ^ itemId) % 5 == 0) test.Add(i);
                else { train.Add((u, i, 1f)); trainCount++; }
            }
            if (trainCount > 0 && test.Count > 0)
            {
                evaluated.Add(u);
                tests.Add(test);
            }
        }
        return new EvaluationSplit
        {
            Protocol = "split",
            Universe = universe,
            Train = CsrMatrix.FromTriplets(universe.Users.Count, universe.Items.Count, train),
            EvaluatedUsers = [.. evaluated],
            TestItems = [.. tests],
            ExcludeTrainItems = true,
        };
    }

    /// <summary>§2: user u is cold iff mix(seed ^ u) % 10 == 0; all its ratings leave training.</summary>
    public static EvaluationSplit ColdStartUsers(RatingDataset data, float threshold = DefaultThreshold, ulong seed = DefaultSeed)
    {
        var universe = new Universe(data.Ratings);
        var positives = PositivesByUser(data.Ratings, universe, threshold);
        var train = new List<(int, int, float)>();
        var evaluated = new List<int>();
        var tests = new List<HashSet<int>>();
        for (var u = 0; u < positives.Length; u++)
        {
            var cold = SplitMix64.Mix(seed ^ (ulong)universe.Users[u]) % 10 == 0;
            if (!cold)
            {
                foreach (var i in positives[u]) train.Add((u, i, 1f));
            }
            else if (positives[u].Count > 0)
            {
                evaluated.Add(u);
                tests.Add([.. positives[u]]);
            }
        }
        return new EvaluationSplit
        {
            Protocol = "coldstart-users",
            Universe = universe,
            Train = CsrMatrix.FromTriplets(universe.Users.Count, universe.Items.Count, train),
            EvaluatedUsers = [.. evaluated],
            TestItems = [.. tests],
        };
    }

    /// <summary>§3: item i is cold iff mix(seed ^ (i &lt;&lt; 1) ^ 1) % 10 == 0; users rank the cold items only.</summary>
    public static EvaluationSplit ColdStartItems(RatingDataset data, float threshold = DefaultThreshold, ulong seed = DefaultSeed)
    {
        var universe = new Universe(data.Ratings);
        var cold = new bool[universe.Items.Count];
        for (var i = 0; i < cold.Length; i++)
            cold[i] = SplitMix64.Mix(seed ^ ((ulong)universe.Items[i] << 1) ^ 1) % 10 == 0;

        var positives = PositivesByUser(data.Ratings, universe, threshold);
        var train = new List<(int, int, float)>();
        var evaluated = new List<int>();
        var tests = new List<HashSet<int>>();
        for (var u = 0; u < positives.Length; u++)
        {
            var test = new HashSet<int>();
            foreach (var i in positives[u])
            {
                if (cold[i]) test.Add(i);
                else train.Add((u, i, 1f));
            }
            if (test.Count > 0)
            {
                evaluated.Add(u);
                tests.Add(test);
            }
        }
        return new EvaluationSplit
        {
            Protocol = "coldstart-items",
            Universe = universe,
            Train = CsrMatrix.FromTriplets(universe.Users.Count, universe.Items.Count, train),
            EvaluatedUsers = [.. evaluated],
            TestItems = [.. tests],
            CandidateItems = [.. Enumerable.Range(0, cold.Length).Where(i => cold[i])],
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
