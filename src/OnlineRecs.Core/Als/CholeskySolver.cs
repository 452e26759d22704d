using MathNet.Numerics.LinearAlgebra.Double;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace OnlineRecs.Core.Als;

/// <summary>
/// Solves one row's normal equations exactly: forms A = YᵀY + λI + Yᵀ(Cᵤ − I)Y and
/// b = YᵀCᵤp(u) (Hu et al. eq. 4) and factors A = LLᵀ in double precision.
/// Holds scratch for one thread; not thread-safe.
/// </summary>
internal sealed class CholeskySolver : IRowSolver
{
    private const int GatherChunk = 256;

    [ThreadStatic] private static CholeskySolver? t_shared;

    private readonly int _factors;
    private readonly float[] _system;
    private readonly float[] _rightHandSide;
    private readonly float[] _weights = new float[GatherChunk];
    private readonly float[] _scaled = new float[GatherChunk];
    private readonly DenseMatrix _matrix;
    private readonly DenseVector _b;
    private readonly DenseVector _x;
    private readonly Cholesky<double> _cholesky;

    public CholeskySolver(int factors)
    {
        _factors = factors;
        _system = new float[factors * factors];
        _rightHandSide = new float[factors];
        _matrix = DenseMatrix.CreateIdentity(factors);
        _b = new DenseVector(factors);
        _x = new DenseVector(factors);
        _cholesky = _matrix.Cholesky();
    }

    /// <summary>This thread's solver for k factors, so per-event fold-ins allocate nothing.</summary>
    public static CholeskySolver ForCurrentThread(int factors) =>
        t_shared is { } solver && solver._factors == factors ? solver : t_shared = new CholeskySolver(factors);

    /// <summary>Overwrites <paramref name="x"/> with the exact least-squares solution.</summary>
    public void Solve(ImplicitNormalEquations equations, ReadOnlySpan<int> columns, ReadOnlySpan<float> values, Span<float> x)
    {
        var k = _factors;
        var y = equations.FixedFactors;
        equations.RegularizedGram.CopyTo(_system, 0);
        Array.Clear(_rightHandSide);

        for (var start = 0; start < columns.Length; start += GatherChunk)
        {
            var count = Math.Min(GatherChunk, columns.Length - start);
            var rows = columns.Slice(start, count);
            var confidenceExcess = _weights.AsSpan(0, count);
            var scaled = _scaled.AsSpan(0, count);
            for (var t = 0; t < count; t++) confidenceExcess[t] = equations.Alpha * values[start + t];

            // Row j of Yᵀ(Cᵤ − I)Y is Σᵢ (cᵢ − 1)·yᵢⱼ·yᵢ; only its upper part is needed.
            for (var j = 0; j < k; j++)
            {
                for (var t = 0; t < count; t++) scaled[t] = confidenceExcess[t] * y[rows[t] * k + j];
                var first = j & ~7;
                FactorKernels.AddWeightedRows(y.AsSpan(first), k, rows, scaled, _system.AsSpan(j * k + first, k - first));
            }

            for (var t = 0; t < count; t++) scaled[t] = 1f + confidenceExcess[t];
            FactorKernels.AddWeightedRows(y, k, rows, scaled, _rightHandSide);
        }

        // A is symmetric, so filling both triangles makes MathNet's column-major layout irrelevant.
        var a = _matrix.Values;
        for (var j = 0; j < k; j++)
        {
            for (var c = j; c < k; c++) a[j * k + c] = a[c * k + j] = _system[j * k + c];
            _b.Values[j] = _rightHandSide[j];
        }
        _cholesky.Factorize(_matrix);
        _cholesky.Solve(_b, _x);
        for (var j = 0; j < k; j++) x[j] = (float)_x.Values[j];
    }
}
