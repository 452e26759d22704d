using OnlineRecs.Core.Als;

namespace OnlineRecs.Core.Tests.Als;

public class FoldInTests
{
    private static readonly AlsOptions Options = new() { Factors = 12, Regularization = 0.2f, Alpha = 4f, Iterations = 3, Threads = 2 };

    [Fact]
    public void RecalculateUserSolvesTheNormalEquationsExactly()
    {
        var model = Trained(out _);
        int[] items = [3, 17, 18, 40, 55];
        float[] values = [1f, 5f, 2f, 3f, 1f];

        var user = model.RecalculateUser(items, values);

        var exact = DenseReference.ExactRow(model.ItemFactors, 12, items, values, Options.Alpha, Options.Regularization);
        AssertClose(exact, user);
    }

    [Fact]
    public void RecalculateItemSolvesTheNormalEquationsExactly()
    {
        var model = Trained(out _);
        int[] users = [0, 9, 31, 32];
        float[] values = [2f, 1f, 4f, 1f];

        var item = model.RecalculateItem(users, values);

        var exact = DenseReference.ExactRow(model.UserFactors, 12, users, values, Options.Alpha, Options.Regularization);
        AssertClose(exact, item);
    }

    [Fact]
    public void FoldInMatchesTheNextExactUserSweep()
    {
        var model = Trained(out var matrix, AlsSolver.Cholesky);
        var foldedIn = Enumerable.Range(0, matrix.Rows).Select(u => model.RecalculateUser(matrix.RowColumns(u), matrix.RowValues(u))).ToArray();

        // The next iteration's user sweep sees the same item factors; its item sweep does not touch users.
        var next = new ImplicitAls(Options with { Solver = AlsSolver.Cholesky, Iterations = 1 }, [.. model.UserFactors], [.. model.ItemFactors]);
        next.Fit(matrix);

        for (var u = 0; u < matrix.Rows; u++)
            AssertClose([.. next.UserVector(u).ToArray().Select(v => (double)v)], foldedIn[u]);
    }

    [Fact]
    public void RejectsUnknownItems()
    {
        var model = Trained(out var matrix);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.RecalculateUser([matrix.Cols], [1f]));
        Assert.Throws<InvalidOperationException>(() => new ImplicitAls(Options).RecalculateUser([0], [1f]));
    }

    private static ImplicitAls Trained(out Core.Sparse.CsrMatrix matrix, AlsSolver solver = AlsSolver.ConjugateGradient)
    {
        matrix = SyntheticInteractions.Uniform(50, 60, 0.1, seed: 7);
        var model = new ImplicitAls(Options with { Solver = solver });
        model.Fit(matrix);
        return model;
    }

    private static void AssertClose(double[] expected, float[] actual)
    {
        var scale = expected.Max(Math.Abs);
        for (var f = 0; f < expected.Length; f++)
            Assert.True(Math.Abs(expected[f] - actual[f]) <= 1e-4 * scale, $"factor {f}: {expected[f]} vs {actual[f]}");
    }
}
