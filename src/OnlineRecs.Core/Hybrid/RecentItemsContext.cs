using OnlineRecs.Core.Sparse;

namespace OnlineRecs.Core.Hybrid;

/// <summary>
/// The items a user liked last, as features of the user: q_u gains (w/n) Σ_j c_j over its last n ≤ K positives, each
/// c_j the embedding of the feature <c>recent=j</c>. A user's next choice can then follow from the ones before, as in
/// factorized personalized Markov chains (Rendle et al. 2010); MovieLens users rate films in sittings, one after another.
/// A user's positives count in the order they first arrived; a repeat changes nothing.
/// </summary>
public sealed class RecentItemsContext
{
    public const string Key = "recent";

    public RecentItemsContext(int length, float weight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (!float.IsFinite(weight) || weight <= 0) throw new ArgumentOutOfRangeException(nameof(weight), "The context weight must be finite and positive.");
        Length = length;
        Weight = weight;
    }

    /// <summary>K, the positives kept; 0 turns the context off.</summary>
    public int Length { get; }

    /// <summary>w, the weight the context shares out among its items (an identity feature weighs 1).</summary>
    public float Weight { get; }

    public static string FeatureName(int item) => $"{Key}={item}";

    /// <summary>
    /// The context after the first <paramref name="count"/> of a user's distinct positives in order of arrival: the last
    /// K of them as feature names, newest first, and the weight each carries.
    /// </summary>
    public (string[] Names, float Weight) Of(IReadOnlyList<int> arrivals, int count)
    {
        var n = Math.Min(Length, count);
        var names = new string[n];
        for (var j = 0; j < n; j++) names[j] = FeatureName(arrivals[count - 1 - j]);
        return (names, n == 0 ? 0f : Weight / n);
    }

    public (string[] Names, float Weight) Of(IReadOnlyList<int> arrivals) => Of(arrivals, arrivals.Count);

    /// <summary>The user's own row followed by its context, each name a feature of <paramref name="userSpace"/>.</summary>
    public static (int[] Features, float[] Weights) Extend(FeatureRow row, (string[] Names, float Weight) context, FeatureSpace userSpace)
    {
        var features = new int[row.Features.Length + context.Names.Length];
        var weights = new float[features.Length];
        row.Features.CopyTo(features);
        row.Weights.CopyTo(weights);
        for (var j = 0; j < context.Names.Length; j++)
        {
            features[row.Features.Length + j] = userSpace.Features.GetOrAdd(context.Names[j]);
            weights[row.Features.Length + j] = context.Weight;
        }
        return (features, weights);
    }

    /// <summary>
    /// One user row per entry of <paramref name="interactions"/>, in its entry order: the user's row followed by the
    /// items it liked before that one, so that a full fit learns each positive in the context it arrived in.
    /// <paramref name="positives"/> are (user row, item column, item key for the name) in stream order.
    /// </summary>
    public CsrMatrix EntryRows(CsrMatrix interactions, CsrMatrix userRows, IEnumerable<(int User, int Column, int Item)> positives,
        FeatureSpace userSpace)
    {
        var rows = new (int[] Features, float[] Weights)[interactions.NonZeros];
        var arrivals = new Dictionary<int, (HashSet<int> Seen, List<int> Order)>();
        foreach (var (user, column, item) in positives)
        {
            if (!arrivals.TryGetValue(user, out var before)) arrivals[user] = before = ([], []);
            if (!before.Seen.Add(item)) continue;
            var entry = interactions.RowStart[user] + interactions.RowColumns(user).BinarySearch(column);
            rows[entry] = Extend(FeatureRow.Of(userRows, user), Of(before.Order), userSpace);
            before.Order.Add(item);
        }
        if (Array.Exists(rows, row => row.Features is null))
            throw new ArgumentException("Every interaction needs its positive among the positives in stream order.", nameof(positives));
        return Stacked(rows, userSpace.Features.Count);
    }

    /// <summary>The rows as one matrix, each row's columns sorted as a <see cref="CsrMatrix"/> keeps them.</summary>
    private static CsrMatrix Stacked((int[] Features, float[] Weights)[] rows, int columns)
    {
        var rowStart = new int[rows.Length + 1];
        for (var r = 0; r < rows.Length; r++) rowStart[r + 1] = rowStart[r] + rows[r].Features.Length;
        var features = new int[rowStart[^1]];
        var weights = new float[rowStart[^1]];
        for (var r = 0; r < rows.Length; r++)
        {
            rows[r].Features.CopyTo(features, rowStart[r]);
            rows[r].Weights.CopyTo(weights, rowStart[r]);
            Array.Sort(features, weights, rowStart[r], rows[r].Features.Length);
        }
        return new CsrMatrix(rows.Length, columns, rowStart, features, weights);
    }
}
