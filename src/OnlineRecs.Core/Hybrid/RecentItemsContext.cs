namespace OnlineRecs.Core.Hybrid;

/// <summary>
/// The items a user liked last, as features of the user: q_u gains (w/n) Σ_j c_j over its last n ≤ K positives, each
/// c_j the embedding of the feature <c>recent=j</c>. A user's next choice can then follow from the ones before, as in
/// factorized personalized Markov chains (Rendle et al. 2010); MovieLens users rate films in sittings, one after another.
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
    /// Puts <paramref name="feature"/> first in a newest-first list, dropping its older place. The list keeps K + 1, so
    /// the context just before its newest item still has K.
    /// </summary>
    public void Push(List<int> recent, int feature)
    {
        recent.Remove(feature);
        recent.Insert(0, feature);
        if (recent.Count > Length + 1) recent.RemoveRange(Length + 1, recent.Count - Length - 1);
    }

    /// <summary>The user's own row followed by its context: <paramref name="recent"/>, newest first, at most K of them.</summary>
    public (int[] Features, float[] Weights) Extend(FeatureRow row, IReadOnlyList<int> recent, int skipNewest = 0)
    {
        var count = Math.Clamp(recent.Count - skipNewest, 0, Length);
        var features = new int[row.Features.Length + count];
        var weights = new float[features.Length];
        row.Features.CopyTo(features);
        row.Weights.CopyTo(weights);
        for (var j = 0; j < count; j++)
        {
            features[row.Features.Length + j] = recent[skipNewest + j];
            weights[row.Features.Length + j] = Weight / count;
        }
        return (features, weights);
    }
}
