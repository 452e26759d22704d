namespace OnlineRecs.Core.Sparse;

/// <summary>
/// A compressed sparse row matrix of float32 values: row r holds columns
/// <c>Columns[RowStart[r]..RowStart[r+1]]</c>, sorted ascending, with their <c>Values</c>.
/// Used for user × item interactions and entity × feature memberships.
/// </summary>
public sealed class CsrMatrix
{
    public CsrMatrix(int rows, int cols, int[] rowStart, int[] columns, float[] values)
    {
        if (rowStart.Length != rows + 1) throw new ArgumentException("rowStart needs rows + 1 entries.", nameof(rowStart));
        if (columns.Length != values.Length) throw new ArgumentException("columns and values differ in length.", nameof(values));
        Rows = rows;
        Cols = cols;
        RowStart = rowStart;
        Columns = columns;
        Values = values;
    }

    public int Rows { get; }

    public int Cols { get; }

    public int[] RowStart { get; }

    public int[] Columns { get; }

    public float[] Values { get; }

    public int NonZeros => Columns.Length;

    public ReadOnlySpan<int> RowColumns(int row) => Columns.AsSpan(RowStart[row], RowStart[row + 1] - RowStart[row]);

    public ReadOnlySpan<float> RowValues(int row) => Values.AsSpan(RowStart[row], RowStart[row + 1] - RowStart[row]);

    public int RowLength(int row) => RowStart[row + 1] - RowStart[row];

    /// <summary>Builds a matrix from (row, col, value) triplets; duplicates are summed.</summary>
    public static CsrMatrix FromTriplets(int rows, int cols, IEnumerable<(int Row, int Col, float Value)> triplets)
    {
        var perRow = new List<(int Col, float Value)>[rows];
        for (var r = 0; r < rows; r++) perRow[r] = [];
        foreach (var (row, col, value) in triplets)
        {
            if ((uint)row >= (uint)rows || (uint)col >= (uint)cols)
                throw new ArgumentOutOfRangeException(nameof(triplets), $"({row}, {col}) lies outside {rows} × {cols}.");
            perRow[row].Add((col, value));
        }

        var rowStart = new int[rows + 1];
        var columns = new List<int>();
        var values = new List<float>();
        for (var r = 0; r < rows; r++)
        {
            foreach (var group in perRow[r].GroupBy(e => e.Col).OrderBy(g => g.Key))
            {
                columns.Add(group.Key);
                values.Add(group.Sum(e => e.Value));
            }
            rowStart[r + 1] = columns.Count;
        }
        return new CsrMatrix(rows, cols, rowStart, [.. columns], [.. values]);
    }

    /// <summary>The transpose, also in CSR form (so the CSC form of this matrix).</summary>
    public CsrMatrix Transpose()
    {
        var rowStart = new int[Cols + 1];
        foreach (var c in Columns) rowStart[c + 1]++;
        for (var c = 0; c < Cols; c++) rowStart[c + 1] += rowStart[c];

        var next = rowStart[..Cols];
        var columns = new int[NonZeros];
        var values = new float[NonZeros];
        for (var r = 0; r < Rows; r++)
        {
            for (var k = RowStart[r]; k < RowStart[r + 1]; k++)
            {
                var slot = next[Columns[k]]++;
                columns[slot] = r;
                values[slot] = Values[k];
            }
        }
        return new CsrMatrix(Cols, Rows, rowStart, columns, values);
    }
}
