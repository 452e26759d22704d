using OnlineRecs.Core.Als;
using OnlineRecs.Core.Sparse;

namespace OnlineRecs.Core.Tests.Als;

public class WarmStartTests
{
    private static readonly AlsOptions Options = new() { Factors = 8, Regularization = 0.1f, Alpha = 2f, Iterations = 4, Threads = 1, Seed = 21 };

    [Fact]
    public void GrowingKeepsExistingFactorsAndGivesNewRowsTheColdStartValues()
    {
        var grown = SyntheticInteractions.Uniform(50, 40, 0.15, seed: 13);
        var original = Prefix(grown, 40, 30);
        var model = new ImplicitAls(Options);
        model.Fit(original);
        var trainedUsers = model.UserFactors.ToArray();
        var trainedItems = model.ItemFactors.ToArray();

        var noIterations = new ImplicitAls(Options with { Iterations = 0 }, model.UserFactors, model.ItemFactors);
        noIterations.Fit(grown);
        var cold = new ImplicitAls(Options with { Iterations = 0 });
        cold.Fit(grown);

        Assert.Equal(50, noIterations.UserCount);
        Assert.Equal(40, noIterations.ItemCount);
        Assert.Equal(trainedUsers, noIterations.UserFactors[..trainedUsers.Length]);
        Assert.Equal(trainedItems, noIterations.ItemFactors[..trainedItems.Length]);
        Assert.Equal(cold.UserFactors[trainedUsers.Length..], noIterations.UserFactors[trainedUsers.Length..]);
        Assert.Equal(cold.ItemFactors[trainedItems.Length..], noIterations.ItemFactors[trainedItems.Length..]);
        Assert.All(noIterations.UserFactors[trainedUsers.Length..], v => Assert.InRange(MathF.Abs(v), 0f, 0.1f));
    }

    [Fact]
    public void WarmStartBeginsFromALowerObjectiveThanAColdStart()
    {
        var grown = SyntheticInteractions.Uniform(50, 40, 0.15, seed: 14);
        var model = new ImplicitAls(Options with { Iterations = 8 });
        model.Fit(Prefix(grown, 45, 36));
        var warm = new ImplicitAls(Options with { Iterations = 1 }, model.UserFactors, model.ItemFactors);
        var cold = new ImplicitAls(Options with { Iterations = 1 });
        warm.Fit(grown);
        cold.Fit(grown);

        Assert.True(warm.Objective(grown) < cold.Objective(grown));
    }

    [Fact]
    public void ShrinkingTheMatrixIsRejected()
    {
        var matrix = SyntheticInteractions.Uniform(20, 20, 0.2, seed: 15);
        var model = new ImplicitAls(Options);
        model.Fit(matrix);
        Assert.Throws<ArgumentException>(() => model.Fit(Prefix(matrix, 19, 20)));
    }

    private static CsrMatrix Prefix(CsrMatrix matrix, int users, int items)
    {
        var triplets = new List<(int, int, float)>();
        for (var u = 0; u < users; u++)
        {
            var columns = matrix.RowColumns(u);
            var values = matrix.RowValues(u);
            for (var t = 0; t < columns.Length; t++)
                if (columns[t] < items) triplets.Add((u, columns[t], values[t]));
        }
        return CsrMatrix.FromTriplets(users, items, triplets);
    }
}
