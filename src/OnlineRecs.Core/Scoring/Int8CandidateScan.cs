using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace OnlineRecs.Core.Scoring;

/// <summary>
/// Exact top-K by a scan of the int8 codes: each block of eight rows gets an upper bound on its exact scores
/// from one VNNI multiply-add per four dimensions, and only rows whose bound reaches the current k-th best
/// score are scored exactly in float32. The bound never undershoots, so the result equals an exhaustive scan.
/// </summary>
internal static class Int8CandidateScan
{
    public static bool IsSupported => AvxVnni.IsSupported;

    // Fully optimized from the first call: the scan is the hot loop of every query.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Run<TScore>(
        Int8ItemCodes codes, int count, scoped ReadOnlySpan<int> packedQuery, int queryOffset,
        scoped ref TScore score, TopKHeap heap, in ScanMask mask)
        where TScore : IRowScore, allows ref struct
    {
        var groups = packedQuery.Length;
        var blockBytes = codes.BlockBytes;
        var blocks = (count + Int8ItemCodes.BlockItems - 1) / Int8ItemCodes.BlockItems;
        var offset = Vector256.Create(queryOffset);
        var threshold = Vector256.Create(heap.Threshold);
        fixed (byte* codeStart = codes.Codes)
        fixed (int* query = packedQuery)
        {
            for (var block = 0; block < blocks; block++)
            {
                var lanes = mask.Lanes(block, count);
                if (lanes == 0) continue;

                // Four accumulators shorten the multiply-add dependency chain.
                var rows = codeStart + (nint)block * blockBytes;
                var sum0 = Vector256<int>.Zero;
                var sum1 = Vector256<int>.Zero;
                var sum2 = Vector256<int>.Zero;
                var sum3 = Vector256<int>.Zero;
                var group = 0;
                for (; group + 3 < groups; group += 4)
                {
                    var groupRows = rows + group * Int8ItemCodes.GroupBytes;
                    sum0 = AvxVnni.MultiplyWideningAndAdd(sum0, Vector256.Load(groupRows), Vector256.Create(query[group]).AsSByte());
                    sum1 = AvxVnni.MultiplyWideningAndAdd(sum1, Vector256.Load(groupRows + Int8ItemCodes.GroupBytes), Vector256.Create(query[group + 1]).AsSByte());
                    sum2 = AvxVnni.MultiplyWideningAndAdd(sum2, Vector256.Load(groupRows + 2 * Int8ItemCodes.GroupBytes), Vector256.Create(query[group + 2]).AsSByte());
                    sum3 = AvxVnni.MultiplyWideningAndAdd(sum3, Vector256.Load(groupRows + 3 * Int8ItemCodes.GroupBytes), Vector256.Create(query[group + 3]).AsSByte());
                }

                for (; group < groups; group++)
                    sum0 = AvxVnni.MultiplyWideningAndAdd(sum0, Vector256.Load(rows + group * Int8ItemCodes.GroupBytes), Vector256.Create(query[group]).AsSByte());

                var blockStart = block * Int8ItemCodes.BlockItems;
                var upper = score.UpperBound(Vector256.ConvertToSingle((sum0 + sum1) + (sum2 + sum3) - offset), blockStart);
                // "Not below" rather than "at least": a NaN bound must keep its row a candidate.
                var candidates = ~Vector256.LessThan(upper, threshold).ExtractMostSignificantBits() & lanes;
                if (candidates == 0) continue;
                do
                {
                    var item = blockStart + BitOperations.TrailingZeroCount(candidates);
                    heap.Offer(item, score.Exact(item));
                    candidates &= candidates - 1;
                } while (candidates != 0);

                threshold = Vector256.Create(heap.Threshold);
            }
        }
    }
}
