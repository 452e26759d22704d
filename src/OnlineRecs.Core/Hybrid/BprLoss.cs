namespace OnlineRecs.Core.Hybrid;

/// <summary>BPR (Rendle et al. 2009): maximise ln σ(x_ui − x_uj) for one uniformly drawn negative j.</summary>
internal static class BprLoss
{
    public static void Step(HybridEpoch epoch, int user, int positive, float weight, TrainingScratch s)
    {
        var negative = epoch.SampleNegative(user, s);
        if (negative < 0) return;
        epoch.RepresentUser(user, s.User);
        var difference = WarpLoss.ScoreItem(epoch, positive, s.User, s.Positive) - WarpLoss.ScoreItem(epoch, negative, s.User, s.Negative);
        epoch.DescendPair(user, positive, negative, -weight * Derivative(difference), s);
        s.LossSum += weight * Value(difference);
        s.Updates++;
    }

    /// <summary>−ln σ(x) for x = x_ui − x_uj.</summary>
    internal static float Value(float difference) => MathF.Log(1f + MathF.Exp(-difference));

    /// <summary>d/dx −ln σ(x) = −σ(−x).</summary>
    internal static float Derivative(float difference) => -1f / (1f + MathF.Exp(difference));
}
