namespace OnlineRecs.Core.Hybrid;

/// <summary>
/// Pointwise logistic loss: the positive with label 1 and one drawn non-positive with label 0,
/// each stepping along ∂/∂s [−y ln σ(s) − (1−y) ln σ(−s)] = σ(s) − y, biases included.
/// </summary>
internal static class LogisticLoss
{
    public static void Step(HybridEpoch epoch, int user, int positive, float weight, TrainingScratch s)
    {
        Descend(epoch, user, positive, 1f, weight, s);
        var negative = epoch.SampleNegative(user, s);
        if (negative >= 0) Descend(epoch, user, negative, 0f, weight, s);
    }

    private static void Descend(HybridEpoch epoch, int user, int item, float label, float weight, TrainingScratch s)
    {
        var model = epoch.Model;
        var o = model.Options;
        var userBias = epoch.RepresentUser(user, s.User);
        var score = userBias + WarpLoss.ScoreItem(epoch, item, s.User, s.Positive);
        var g = weight * Derivative(score, label);
        model.Descend(model.Items, epoch.ItemFeatures.RowColumns(item), epoch.ItemFeatures.RowValues(item), g, s.User, g, o.ItemAlpha);
        model.Descend(model.Users, epoch.UserFeatures.RowColumns(user), epoch.UserFeatures.RowValues(user), g, s.Positive, g, o.UserAlpha);
        s.LossSum += weight * Value(score, label);
        s.Updates++;
    }

    /// <summary>−y ln σ(s) − (1 − y) ln σ(−s), written to stay finite for large |s|.</summary>
    internal static float Value(float score, float label) =>
        MathF.Max(score, 0) - score * label + MathF.Log(1f + MathF.Exp(-MathF.Abs(score)));

    /// <summary>d/ds of <see cref="Value"/>: σ(s) − y.</summary>
    internal static float Derivative(float score, float label) => 1f / (1f + MathF.Exp(-score)) - label;
}
