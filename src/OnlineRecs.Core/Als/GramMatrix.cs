using OnlineRecs.Core.Threading;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace OnlineRecs.Core.Als;

/// <summary>
/// YᵀY + λI for a row-major factor matrix Y. It is n·k² work, done once per half-iteration:
/// rows are taken in cache-sized blocks, only the upper triangle is accumulated, and threads
/// each sum their own share of rows before the partial sums are added in a fixed order.
/// </summary>
internal static class GramMatrix
{
    private const int BlockRows = 64;
    private const int MinRowsPerThread = 256;
    private static readonly int[] BlockRowIndices = [.. Enumerable.Range(0, BlockRows)];

    public static float[] Compute(float[] factors, int k, float regularization, int threads)
    {
        var rows = factors.Length / k;
        var parts = Math.Clamp(rows / MinRowsPerThread, 1, threads);
        var partials = new float[parts][];
        WorkerThreads.Run(parts, part =>
        {
            partials[part] = new float[k * k];
            AccumulateUpperTriangle(factors, k, rows * part / parts, rows * (part + 1) / parts, partials[part]);
        });

        var gram = partials[0];
        for (var part = 1; part < parts; part++) TensorPrimitives.Add(gram, partials[part], gram);
        for (var j = 0; j < k; j++)
        {
            for (var c = 0; c < j; c++) gram[j * k + c] = gram[c * k + j];
            gram[j * k + j] += regularization;
        }
        return gram;
    }

    // G[j, c] += Σᵣ Y[r, j]·Y[r, c] for c from j's 8-column chunk on; the rest is mirrored afterwards.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AccumulateUpperTriangle(float[] factors, int k, int from, int to, Span<float> gram)
    {
        Span<float> column = stackalloc float[BlockRows];
        for (var start = from; start < to; start += BlockRows)
        {
            var count = Math.Min(BlockRows, to - start);
            var block = factors.AsSpan(start * k, count * k);
            for (var j = 0; j < k; j++)
            {
                for (var r = 0; r < count; r++) column[r] = block[r * k + j];
                var first = j & ~7;
                FactorKernels.AddWeightedRows(block[first..], k, BlockRowIndices.AsSpan(0, count), column[..count], gram.Slice(j * k + first, k - first));
            }
        }
    }
}
