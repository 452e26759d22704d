namespace OnlineRecs.Core.Hybrid;

/// <summary>
/// Adadelta (Zeiler 2012): step Δ = −√(E[Δ²]+ε)/√(E[g²]+ε)·g with decaying averages of squared
/// gradients and squared steps, so no global learning rate needs tuning.
/// </summary>
public static class Adadelta
{
    public static void Step(Span<float> theta, Span<float> meanSquareGradient, Span<float> meanSquareStep,
        float scale, ReadOnlySpan<float> direction, float alpha, float rho, float epsilon)
    {
        for (var i = 0; i < theta.Length; i++)
            Step(ref theta[i], ref meanSquareGradient[i], ref meanSquareStep[i], scale * direction[i], alpha, rho, epsilon);
    }

    public static void Step(ref float theta, ref float meanSquareGradient, ref float meanSquareStep,
        float gradient, float alpha, float rho, float epsilon)
    {
        var g = gradient + alpha * theta;
        meanSquareGradient = rho * meanSquareGradient + (1 - rho) * g * g;
        var step = -MathF.Sqrt(meanSquareStep + epsilon) / MathF.Sqrt(meanSquareGradient + epsilon) * g;
        meanSquareStep = rho * meanSquareStep + (1 - rho) * step * step;
        theta += step;
    }
}
