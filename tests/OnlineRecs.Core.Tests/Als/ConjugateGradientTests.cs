using OnlineRecs.Core.Als;

namespace OnlineRecs.Core.Tests.Als;

public class ConjugateGradientTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(24)]
    public void ManyStepsAgreeWithCholesky(int factors)
    {
        var matrix = SyntheticInteractions.Uniform(80, 70, 0.12, seed: 5);
        var options = new AlsOptions { Factors = factors, Regularization = 0.05f, Alpha = 3f, Iterations = 3, Threads = 1, Seed = 9 };
        var exact = new ImplicitAls(options with { Solver = AlsSolver.Cholesky });
        var iterative = new ImplicitAls(options with { Solver = AlsSolver.ConjugateGradient, CgSteps = 3 * factors });
        exact.Fit(matrix);
        iterative.Fit(matrix);

        AssertClose(exact.UserFactors, iterative.UserFactors, 1e-3f);
        AssertClose(exact.ItemFactors, iterative.ItemFactors, 1e-3f);
    }

    [Fact]
    public void FewStepsStillApproachTheExactSolution()
    {
        var matrix = SyntheticInteractions.Uniform(80, 70, 0.12, seed: 6);
        var options = new AlsOptions { Factors = 8, Regularization = 0.05f, Alpha = 3f, Iterations = 15, Threads = 1 };
        var exact = new ImplicitAls(options with { Solver = AlsSolver.Cholesky });
        var threeSteps = new ImplicitAls(options with { CgSteps = 3 });
        exact.Fit(matrix);
        threeSteps.Fit(matrix);

        Assert.Equal(exact.Objective(matrix), threeSteps.Objective(matrix), exact.Objective(matrix) * 0.02);
    }

    private static void AssertClose(float[] expected, float[] actual, float tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = expected.Zip(actual, (e, a) => MathF.Abs(e - a)).Max();
        Assert.True(worst <= tolerance, $"largest difference {worst}");
    }
}
