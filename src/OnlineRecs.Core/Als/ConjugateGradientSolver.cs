using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace OnlineRecs.Core.Als;

/// <summary>
/// Solves one row's normal equations approximately with a few conjugate-gradient steps started
/// from the row's current factors (Takács et al. 2011; the scheme of the implicit library).
/// A·v is never formed as a matrix: A·v = (YᵀY + λI)·v + Σᵢ∈I(u) (cᵤᵢ − 1)(yᵢ·v)·yᵢ,
/// which costs O(k² + |I(u)|·k) per step. Holds scratch for one thread; not thread-safe.
/// </summary>
internal sealed class ConjugateGradientSolver(int factors, int steps) : IRowSolver
{
    private const int GatherChunk = 256;
    private const float ConvergedResidual = 1e-20f;

    private readonly float[] _residual = new float[factors];
    private readonly float[] _direction = new float[factors];
    private readonly float[] _product = new float[factors];
    private readonly float[] _weights = new float[GatherChunk];

    /// <summary>Improves <paramref name="x"/> in place towards the exact least-squares solution.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Solve(ImplicitNormalEquations equations, ReadOnlySpan<int> columns, ReadOnlySpan<float> values, Span<float> x)
    {
        Span<float> r = _residual, p = _direction, ap = _product;

        // r = b − A·x = Σᵢ (cᵤᵢ − (cᵤᵢ − 1)·yᵢ·x)·yᵢ − (YᵀY + λI)·x
        MultiplyGram(equations, x, r);
        TensorPrimitives.Negate(r, r);
        AddObservedTerms(equations, columns, values, x, r, residual: true);
        var rr = TensorPrimitives.Dot(r, r);
        if (rr < ConvergedResidual) return;
        r.CopyTo(p);

        for (var step = 0; step < steps; step++)
        {
            MultiplyGram(equations, p, ap);
            AddObservedTerms(equations, columns, values, p, ap, residual: false);
            var curvature = TensorPrimitives.Dot(p, ap);
            if (curvature <= 0f) return; // only reachable when λ = 0 and the system is singular
            var stepLength = rr / curvature;
            TensorPrimitives.MultiplyAdd(p, stepLength, x, x);
            TensorPrimitives.MultiplyAdd(ap, -stepLength, r, r);
            var rrNext = TensorPrimitives.Dot(r, r);
            if (rrNext < ConvergedResidual) return;
            TensorPrimitives.MultiplyAdd(p, rrNext / rr, r, p);
            rr = rrNext;
        }
    }

    private static void MultiplyGram(ImplicitNormalEquations equations, ReadOnlySpan<float> v, Span<float> result)
    {
        result.Clear();
        FactorKernels.AddWeightedRows(equations.RegularizedGram, equations.Factors, equations.GramRows, v, result);
    }

    // result += Σᵢ wᵢ·yᵢ with wᵢ = (cᵢ − 1)(yᵢ·v) for A·v, or wᵢ = cᵢ − (cᵢ − 1)(yᵢ·v) for the residual's b − A·x part.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddObservedTerms(ImplicitNormalEquations equations, ReadOnlySpan<int> columns, ReadOnlySpan<float> values, ReadOnlySpan<float> v, Span<float> result, bool residual)
    {
        var alpha = equations.Alpha;
        for (var start = 0; start < columns.Length; start += GatherChunk)
        {
            var count = Math.Min(GatherChunk, columns.Length - start);
            var rows = columns.Slice(start, count);
            var raw = values.Slice(start, count);
            var weights = _weights.AsSpan(0, count);
            FactorKernels.RowDots(equations.FixedFactors, equations.Factors, rows, v, weights);
            if (residual)
                for (var t = 0; t < count; t++) weights[t] = 1f + alpha * raw[t] * (1f - weights[t]);
            else
                for (var t = 0; t < count; t++) weights[t] *= alpha * raw[t];
            FactorKernels.AddWeightedRows(equations.FixedFactors, equations.Factors, rows, weights, result);
        }
    }
}
