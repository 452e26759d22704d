using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace OnlineRecs.Core.Hybrid;

/// <summary>
/// Per-parameter AdaGrad (Duchi et al. 2011): θ ← θ − η g / √G, then G ← G + g², with G starting
/// at 1 as in LightFM so the first steps are η-sized. Shared by offline training and the grains.
/// </summary>
public static class AdaGrad
{
    /// <summary>Applies the gradient <paramref name="scale"/> · <paramref name="direction"/> (plus L2 <paramref name="alpha"/>·θ).</summary>
    public static void Step(Span<float> theta, Span<float> sumSquares, float scale, ReadOnlySpan<float> direction,
        float learningRate, float alpha)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var s = Vector256.Create(scale);
            var a = Vector256.Create(alpha);
            var eta = Vector256.Create(learningRate);
            for (; i <= theta.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var t = Vector256.Create<float>(theta[i..]);
                var g = s * Vector256.Create<float>(direction[i..]) + a * t;
                var sum = Vector256.Create<float>(sumSquares[i..]);
                (t - eta * g / Vector256.Sqrt(sum)).CopyTo(theta[i..]);
                (sum + g * g).CopyTo(sumSquares[i..]);
            }
        }
        for (; i < theta.Length; i++)
        {
            var g = scale * direction[i] + alpha * theta[i];
            theta[i] -= learningRate * g / MathF.Sqrt(sumSquares[i]);
            sumSquares[i] += g * g;
        }
    }

    /// <summary>The same step for one scalar parameter (a bias).</summary>
    public static void Step(ref float theta, ref float sumSquares, float gradient, float learningRate, float alpha)
    {
        var g = gradient + alpha * theta;
        theta -= learningRate * g / MathF.Sqrt(sumSquares);
        sumSquares += g * g;
    }

    /// <summary>
    /// Several gradients applied at once, as a grain receives them summed: G ← G + Σg², then θ ← θ − η Σg / √G; with
    /// a <paramref name="weight"/> w the sums are of a representation θ enters as w·θ, so θ's gradients are w·g.
    /// G grows first, unlike <see cref="Step(Span{float}, Span{float}, float, ReadOnlySpan{float}, float, float)"/>:
    /// n agreeing gradients then move θ by at most η√n, as n sequential steps would, where stepping
    /// before growing G would move it by η Σg, unbounded.
    /// </summary>
    public static void StepSummed(Span<float> theta, Span<float> sumSquares, ReadOnlySpan<float> gradientSum,
        ReadOnlySpan<float> squaredSum, float learningRate, float weight = 1f)
    {
        for (var i = 0; i < theta.Length; i++)
        {
            sumSquares[i] += weight * weight * squaredSum[i];
            theta[i] -= learningRate * weight * gradientSum[i] / MathF.Sqrt(sumSquares[i]);
        }
    }
}
