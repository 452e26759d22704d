using System.Numerics.Tensors;

namespace OnlineRecs.Core.Hybrid;

/// <summary>
/// WARP (Weston et al. 2011): draw negatives until one scores within a margin of 1 of the
/// positive; the number of draws N estimates the positive's rank, and the step is weighted by
/// log ⌊(n − 1)/N⌋ so that pushing a badly ranked positive up counts most.
/// </summary>
internal static class WarpLoss
{
    public static void Step<TContext>(TContext context, int user, int positive, float weight, TrainingScratch s)
        where TContext : ILossContext, allows ref struct
    {
        context.RepresentUser(user, s.User);
        var positiveScore = ScoreItem(context, positive, s.User, s.Positive);
        if (TryViolate(context, user, positiveScore, s, out var negative, out var sampled))
        {
            var rankWeight = RankWeight(context, sampled);
            context.DescendPair(user, positive, negative, weight * rankWeight, s);
            s.LossSum += weight * rankWeight;
        }
        s.Updates++;
    }

    /// <summary>Draws up to MaxSampled negatives; true with the first one scoring above positive − 1.</summary>
    internal static bool TryViolate<TContext>(TContext context, int user, float positiveScore, TrainingScratch s, out int negative, out int sampled)
        where TContext : ILossContext, allows ref struct
    {
        var o = context.Options;
        for (sampled = 1; sampled <= o.MaxSampled; sampled++)
        {
            negative = context.DrawItem(ref s.Random);
            if (context.IsPositive(user, negative)) continue;
            if (ScoreItem(context, negative, s.User, s.Negative) > positiveScore - 1f) return true;
        }
        negative = -1;
        return false;
    }

    /// <summary>log ⌊(n − 1)/N⌋ for N draws, capped at MaxLoss as in LightFM.</summary>
    internal static float RankWeight<TContext>(TContext context, int sampled)
        where TContext : ILossContext, allows ref struct =>
        MathF.Min(context.Options.MaxLoss, MathF.Log(MathF.Max(1f, MathF.Floor((context.ItemCount - 1) / (float)sampled))));

    /// <summary>Represents the item into <paramref name="itemVector"/> and returns q·p + b (the user bias cancels in pairs).</summary>
    internal static float ScoreItem<TContext>(TContext context, int item, float[] user, float[] itemVector)
        where TContext : ILossContext, allows ref struct =>
        context.RepresentItem(item, itemVector) + TensorPrimitives.Dot<float>(user, itemVector);
}
