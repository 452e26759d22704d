using OnlineRecs.Core.Threading;
using System.Runtime.CompilerServices;
using OnlineRecs.Core.Sparse;

namespace OnlineRecs.Core.Als;

/// <summary>
/// One half-iteration of ALS: re-solves every row of one side (users or items) with the other side
/// held fixed. Rows are independent, so workers claim cost-balanced row ranges from a shared
/// counter; each worker owns one solver and its scratch buffers.
/// </summary>
internal static class FactorSweep
{
    /// <summary>Ranges per thread: enough for dynamic load balancing, few enough to keep claiming cheap.</summary>
    public const int PartsPerThread = 8;

    public static void Run(CsrMatrix rows, float[] target, ImplicitNormalEquations equations, int[] bounds, Func<IRowSolver> createSolver, int threads, CancellationToken ct)
    {
        var nextPart = -1;
        WorkerThreads.Run(threads, _ =>
        {
            var solver = createSolver();
            for (var part = Interlocked.Increment(ref nextPart); part < bounds.Length - 1; part = Interlocked.Increment(ref nextPart))
            {
                ct.ThrowIfCancellationRequested();
                SolveRows(rows, target, equations, bounds[part], bounds[part + 1], solver);
            }
        });
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SolveRows(CsrMatrix rows, float[] target, ImplicitNormalEquations equations, int from, int to, IRowSolver solver)
    {
        var k = equations.Factors;
        for (var row = from; row < to; row++)
            solver.Solve(equations, rows.RowColumns(row), rows.RowValues(row), target.AsSpan(row * k, k));
    }
}
