namespace OnlineRecs.Core.Hybrid;

/// <summary>The steps every loss shares, written once against <see cref="ILossContext"/>.</summary>
internal static class LossContextExtensions
{
    private const int NegativeAttempts = 32;

    /// <summary>A uniformly drawn item that is not among the user's positives, or −1 after a few misses.</summary>
    public static int SampleNegative<TContext>(this TContext context, int user, TrainingScratch s)
        where TContext : ILossContext, allows ref struct
    {
        for (var attempt = 0; attempt < NegativeAttempts; attempt++)
        {
            var j = context.DrawItem(ref s.Random);
            if (!context.IsPositive(user, j)) return j;
        }
        return -1;
    }

    /// <summary>
    /// The pairwise step shared by BPR and WARP, for loss L(q·p_i − q·p_j) with dL = −<paramref name="weight"/>:
    /// ∂/∂q = w(p_j − p_i), ∂/∂p_i = −w q, ∂/∂p_j = w q, ∂/∂b_i = −w, ∂/∂b_j = w.
    /// </summary>
    public static void DescendPair<TContext>(this TContext context, int user, int positive, int negative, float weight, TrainingScratch s)
        where TContext : ILossContext, allows ref struct
    {
        for (var c = 0; c < s.Direction.Length; c++) s.Direction[c] = s.Negative[c] - s.Positive[c];
        context.DescendItem(positive, -weight, s.User, -weight);
        context.DescendItem(negative, weight, s.User, weight);
        context.DescendUser(user, weight, s.Direction, 0f);
    }
}
