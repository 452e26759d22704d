using OnlineRecs.Core.Sparse;

namespace OnlineRecs.Core.Tests;

public class CsrMatrixTests
{
    [Fact]
    public void TransposeSwapsRowsAndColumns()
    {
        var m = CsrMatrix.FromTriplets(2, 3, [(0, 2, 1f), (1, 0, 2f), (0, 0, 3f), (0, 2, 4f)]);
        Assert.Equal([0, 2], m.RowColumns(0).ToArray());
        Assert.Equal([3f, 5f], m.RowValues(0).ToArray());
        var t = m.Transpose();
        Assert.Equal(3, t.Rows);
        Assert.Equal([0, 1], t.RowColumns(0).ToArray());
        Assert.Equal([3f, 2f], t.RowValues(0).ToArray());
        Assert.Equal([0], t.RowColumns(2).ToArray());
        Assert.Equal(0, t.RowLength(1));
    }
}
