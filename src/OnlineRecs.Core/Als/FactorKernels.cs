using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace OnlineRecs.Core.Als;

/// <summary>
/// The two dense kernels every ALS step reduces to: the dot product of a factor row with a vector,
/// and the weighted sum of selected matrix rows. Both are written for rows of a few dozen floats,
/// where the call overhead of general-purpose routines would dominate. They skip tiered
/// compilation because a fit is often over before tier-0 code would be replaced.
/// </summary>
internal static class FactorKernels
{
    private const int Lanes = 8;

    /// <summary>a · b over the first <paramref name="length"/> elements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(ref float a, ref float b, int length)
    {
        var even = Vector256<float>.Zero;
        var odd = Vector256<float>.Zero;
        var i = 0;
        // Two accumulators halve the FMA dependency chain.
        for (; i + 2 * Lanes <= length; i += 2 * Lanes)
        {
            even = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref a, (nuint)i), Vector256.LoadUnsafe(ref b, (nuint)i), even);
            odd = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref a, (nuint)(i + Lanes)), Vector256.LoadUnsafe(ref b, (nuint)(i + Lanes)), odd);
        }
        if (i + Lanes <= length)
        {
            even = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref a, (nuint)i), Vector256.LoadUnsafe(ref b, (nuint)i), even);
            i += Lanes;
        }
        var sum = Vector256.Sum(even + odd);
        for (; i < length; i++) sum += Unsafe.Add(ref a, i) * Unsafe.Add(ref b, i);
        return sum;
    }

    /// <summary>dots[t] = M[rows[t]] · v, for a row-major matrix with the given row stride.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void RowDots(ReadOnlySpan<float> matrix, int stride, ReadOnlySpan<int> rows, ReadOnlySpan<float> v, Span<float> dots)
    {
        ref var m = ref MemoryMarshal.GetReference(matrix);
        ref var x = ref MemoryMarshal.GetReference(v);
        for (var t = 0; t < rows.Length; t++)
            dots[t] = Dot(ref Unsafe.Add(ref m, (nint)rows[t] * stride), ref x, v.Length);
    }

    /// <summary>
    /// result += Σₜ weights[t] · M[rows[t]], over the first result.Length columns of each row.
    /// The result stays in registers across all rows, up to 64 columns at a time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddWeightedRows(ReadOnlySpan<float> matrix, int stride, ReadOnlySpan<int> rows, ReadOnlySpan<float> weights, Span<float> result)
    {
        ref var m = ref MemoryMarshal.GetReference(matrix);
        ref var r = ref MemoryMarshal.GetReference(result);
        ref var w = ref MemoryMarshal.GetReference(weights);
        ref var rowIndex = ref MemoryMarshal.GetReference(rows);
        var count = rows.Length;
        var width = result.Length;
        var c = 0;
        for (; c + 8 * Lanes <= width; c += 8 * Lanes)
        {
            ref var block = ref Unsafe.Add(ref r, c);
            var a0 = Vector256.LoadUnsafe(ref block, 0);
            var a1 = Vector256.LoadUnsafe(ref block, 8);
            var a2 = Vector256.LoadUnsafe(ref block, 16);
            var a3 = Vector256.LoadUnsafe(ref block, 24);
            var a4 = Vector256.LoadUnsafe(ref block, 32);
            var a5 = Vector256.LoadUnsafe(ref block, 40);
            var a6 = Vector256.LoadUnsafe(ref block, 48);
            var a7 = Vector256.LoadUnsafe(ref block, 56);
            for (var t = 0; t < count; t++)
            {
                ref var src = ref Unsafe.Add(ref m, (nint)Unsafe.Add(ref rowIndex, t) * stride + c);
                var wt = Vector256.Create(Unsafe.Add(ref w, t));
                a0 = Vector256.FusedMultiplyAdd(wt, Vector256.LoadUnsafe(ref src, 0), a0);
                a1 = Vector256.FusedMultiplyAdd(wt, Vector256.LoadUnsafe(ref src, 8), a1);
                a2 = Vector256.FusedMultiplyAdd(wt, Vector256.LoadUnsafe(ref src, 16), a2);
                a3 = Vector256.FusedMultiplyAdd(wt, Vector256.LoadUnsafe(ref src, 24), a3);
                a4 = Vector256.FusedMultiplyAdd(wt, Vector256.LoadUnsafe(ref src, 32), a4);
                a5 = Vector256.FusedMultiplyAdd(wt, Vector256.LoadUnsafe(ref src, 40), a5);
                a6 = Vector256.FusedMultiplyAdd(wt, Vector256.LoadUnsafe(ref src, 48), a6);
                a7 = Vector256.FusedMultiplyAdd(wt, Vector256.LoadUnsafe(ref src, 56), a7);
            }
            a0.StoreUnsafe(ref block, 0);
            a1.StoreUnsafe(ref block, 8);
            a2.StoreUnsafe(ref block, 16);
            a3.StoreUnsafe(ref block, 24);
            a4.StoreUnsafe(ref block, 32);
            a5.StoreUnsafe(ref block, 40);
            a6.StoreUnsafe(ref block, 48);
            a7.StoreUnsafe(ref block, 56);
        }
        for (; c + 4 * Lanes <= width; c += 4 * Lanes)
        {
            ref var block = ref Unsafe.Add(ref r, c);
            var a0 = Vector256.LoadUnsafe(ref block, 0);
            var a1 = Vector256.LoadUnsafe(ref block, 8);
            var a2 = Vector256.LoadUnsafe(ref block, 16);
            var a3 = Vector256.LoadUnsafe(ref block, 24);
            for (var t = 0; t < count; t++)
            {
                ref var src = ref Unsafe.Add(ref m, (nint)Unsafe.Add(ref rowIndex, t) * stride + c);
                var wt = Vector256.Create(Unsafe.Add(ref w, t));
                a0 = Vector256.FusedMultiplyAdd(wt, Vector256.LoadUnsafe(ref src, 0), a0);
                a1 = Vector256.FusedMultiplyAdd(wt, Vector256.LoadUnsafe(ref src, 8), a1);
                a2 = Vector256.FusedMultiplyAdd(wt, Vector256.LoadUnsafe(ref src, 16), a2);
                a3 = Vector256.FusedMultiplyAdd(wt, Vector256.LoadUnsafe(ref src, 24), a3);
            }
            a0.StoreUnsafe(ref block, 0);
            a1.StoreUnsafe(ref block, 8);
            a2.StoreUnsafe(ref block, 16);
            a3.StoreUnsafe(ref block, 24);
        }
        for (; c + Lanes <= width; c += Lanes)
        {
            ref var block = ref Unsafe.Add(ref r, c);
            var a0 = Vector256.LoadUnsafe(ref block);
            for (var t = 0; t < count; t++)
                a0 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref w, t)), Vector256.LoadUnsafe(ref Unsafe.Add(ref m, (nint)Unsafe.Add(ref rowIndex, t) * stride + c)), a0);
            a0.StoreUnsafe(ref block);
        }
        for (; c < width; c++)
        {
            var sum = Unsafe.Add(ref r, c);
            for (var t = 0; t < count; t++)
                sum += Unsafe.Add(ref w, t) * Unsafe.Add(ref m, (nint)Unsafe.Add(ref rowIndex, t) * stride + c);
            Unsafe.Add(ref r, c) = sum;
        }
    }
}
