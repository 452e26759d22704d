namespace OnlineRecs.Core.Hybrid;

/// <summary>
/// Pointwise logistic loss: the positive with label 1 and one drawn non-positive with label 0,
/// each stepping along ∂/∂s [−y ln σ(s) − (1−y) ln σ(−s)] = σ(s) − y, biases included.
/// </summary>
internal static class LogisticLoss
{
    public static void Step<TContext>(TContext context, int user, int positive, float weight, TrainingScratch s)
        where TContext : ILossContext, allows ref struct
    {
        Descend(context, user, positive, 1f, weight, s);
        var negative = context.SampleNegative(user, s);
        if (negative >= 0) Descend(context, user, negative, 0f, weight, s);
    }

    private static void Descend<TContext>(TContext context, int user, int item, float label, float weight, TrainingScratch s)
        where TContext : ILossContext, allows ref struct
    {
        var userBias = context.RepresentUser(user, s.User);
        var score = userBias + WarpLoss.ScoreItem(context, item, s.User, s.Positive);
        var g = weight * Derivative(score, label);
        context.DescendItem(item, g, s.User, g);
        context.DescendUser(user, g, s.Positive, g);
        s.LossSum += weight * Value(score, label);
        s.Updates++;
    }

    /// <summary>−y ln σ(s) − (1 − y) ln σ(−s), written to stay finite for large |s|.</summary>
    internal static float Value(float score, float label) =>
        MathF.Max(score, 0) - score * label + MathF.Log(1f + MathF.Exp(-MathF.Abs(score)));

    /// <summary>d/ds of <see cref="Value"/>: σ(s) − y.</summary>
    internal static float Derivative(float score, float label) => 1f / (1f + MathF.Exp(-score)) - label;
}
