namespace OnlineRecs.Core.Hybrid;

/// <summary>BPR (Rendle et al. 2009): maximise ln σ(x_ui − x_uj) for one uniformly drawn negative j.</summary>
internal static class BprLoss
{
    public static void Step<TContext>(TContext context, int user, int positive, float weight, TrainingScratch s)
        where TContext : ILossContext, allows ref struct
    {
        var negative = context.SampleNegative(user, s);
        if (negative < 0) return;
        context.RepresentUser(user, s.User);
        var difference = WarpLoss.ScoreItem(context, positive, s.User, s.Positive) - WarpLoss.ScoreItem(context, negative, s.User, s.Negative);
        context.DescendPair(user, positive, negative, -weight * Derivative(difference), s);
        s.LossSum += weight * Value(difference);
        s.Updates++;
    }

    /// <summary>−ln σ(x) for x = x_ui − x_uj.</summary>
    internal static float Value(float difference) => MathF.Log(1f + MathF.Exp(-difference));

    /// <summary>d/dx −ln σ(x) = −σ(−x).</summary>
    internal static float Derivative(float difference) => -1f / (1f + MathF.Exp(difference));
}
