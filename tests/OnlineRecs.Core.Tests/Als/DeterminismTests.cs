using OnlineRecs.Core.Als;

namespace OnlineRecs.Core.Tests.Als;

public class DeterminismTests
{
    [Theory]
    [InlineData(AlsSolver.ConjugateGradient)]
    [InlineData(AlsSolver.Cholesky)]
    public void OneThreadRunsAreBitForBitRepeatable(AlsSolver solver)
    {
        var matrix = SyntheticInteractions.Uniform(70, 50, 0.1, seed: 8);
        var options = new AlsOptions { Factors = 16, Iterations = 3, Threads = 1, Seed = 11, Solver = solver };
        var first = new ImplicitAls(options);
        var second = new ImplicitAls(options);
        first.Fit(matrix);
        second.Fit(matrix);

        Assert.Equal(Bits(first.UserFactors), Bits(second.UserFactors));
        Assert.Equal(Bits(first.ItemFactors), Bits(second.ItemFactors));
    }

    [Fact]
    public void TheSeedChangesTheResult()
    {
        var matrix = SyntheticInteractions.Uniform(70, 50, 0.1, seed: 8);
        var options = new AlsOptions { Factors = 16, Iterations = 2, Threads = 1 };
        var first = new ImplicitAls(options with { Seed = 1 });
        var second = new ImplicitAls(options with { Seed = 2 });
        first.Fit(matrix);
        second.Fit(matrix);

        Assert.NotEqual(Bits(first.UserFactors), Bits(second.UserFactors));
    }

    [Fact]
    public void ThreadCountBarelyChangesTheResult()
    {
        var matrix = SyntheticInteractions.Uniform(600, 400, 0.03, seed: 10);
        var options = new AlsOptions { Factors = 16, Iterations = 3, Seed = 5 };
        var serial = new ImplicitAls(options with { Threads = 1 });
        var parallel = new ImplicitAls(options with { Threads = 2 });
        serial.Fit(matrix);
        parallel.Fit(matrix);

        var worst = serial.UserFactors.Zip(parallel.UserFactors, (a, b) => MathF.Abs(a - b)).Max();
        Assert.True(worst < 1e-3f, $"largest difference {worst}");
    }

    private static int[] Bits(float[] values) => [.. values.Select(BitConverter.SingleToInt32Bits)];
}
