using OnlineRecs.Core.Sparse;

namespace OnlineRecs.Core.Als;

/// <summary>
/// Cuts a matrix's rows into contiguous ranges of about equal solve cost, so threads stay busy
/// even though user activity and item popularity are heavily skewed.
/// </summary>
internal static class RowPartitioner
{
    /// <summary>Range boundaries: part p covers rows [bounds[p], bounds[p + 1]).</summary>
    public static int[] Balance(CsrMatrix matrix, int factors, int parts)
    {
        // A CG step costs k² for the Gram product plus 2k per observed entry (a dot and an axpy).
        long RowCost(int row) => factors + 2L * matrix.RowLength(row);

        var total = (long)matrix.Rows * factors + 2L * matrix.NonZeros;
        var bounds = new int[parts + 1];
        var part = 1;
        long done = 0;
        for (var row = 0; row < matrix.Rows && part < parts; row++)
        {
            done += RowCost(row);
            while (part < parts && done * parts >= total * part) bounds[part++] = row + 1;
        }
        while (part <= parts) bounds[part++] = matrix.Rows;
        return bounds;
    }
}
