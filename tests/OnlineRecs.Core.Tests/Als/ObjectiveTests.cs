using OnlineRecs.Core.Als;

namespace OnlineRecs.Core.Tests.Als;

public class ObjectiveTests
{
    private static readonly AlsOptions Small = new() { Factors = 6, Regularization = 0.1f, Alpha = 2f, Threads = 1, Seed = 3 };

    [Fact]
    public void ObjectiveEqualsTheSumOverEveryPair()
    {
        var matrix = SyntheticInteractions.Uniform(25, 30, 0.15, seed: 1);
        var model = new ImplicitAls(Small with { Iterations = 2 });
        model.Fit(matrix);

        var expected = DenseReference.Objective(matrix, model.UserFactors, model.ItemFactors, 6, Small.Alpha, Small.Regularization);
        Assert.Equal(expected, model.Objective(matrix), expected * 1e-5);
    }

    [Theory]
    [InlineData(AlsSolver.Cholesky, 1)]
    [InlineData(AlsSolver.ConjugateGradient, 3)]
    [InlineData(AlsSolver.ConjugateGradient, 12)]
    public void ObjectiveNeverRisesBetweenIterations(AlsSolver solver, int cgSteps)
    {
        var matrix = SyntheticInteractions.Uniform(60, 45, 0.1, seed: 2);
        var model = new ImplicitAls(Small with { Solver = solver, CgSteps = cgSteps, Iterations = 0 });
        model.Fit(matrix);
        var initial = model.Objective(matrix);

        var log = new ProgressLog();
        new ImplicitAls(Small with { Solver = solver, CgSteps = cgSteps, Iterations = 12, ComputeObjective = true }).Fit(matrix, log);

        var objectives = log.Reports.Select(r => r.Objective!.Value).Prepend(initial).ToArray();
        Assert.Equal(13, objectives.Length);
        for (var t = 1; t < objectives.Length; t++)
            Assert.True(objectives[t] <= objectives[t - 1] * (1 + 1e-6), $"iteration {t}: {objectives[t - 1]} → {objectives[t]}");
        Assert.True(objectives[^1] < 0.5 * objectives[0], "training should cut the objective substantially");
    }

    [Fact]
    public void ProgressReportsEveryIterationAndOmitsObjectiveUnlessAsked()
    {
        var matrix = SyntheticInteractions.Uniform(20, 20, 0.2, seed: 4);
        var log = new ProgressLog();
        new ImplicitAls(Small with { Iterations = 4 }).Fit(matrix, log);

        Assert.Equal([1, 2, 3, 4], log.Reports.Select(r => r.Iteration));
        Assert.All(log.Reports, r => Assert.Null(r.Objective));
        Assert.All(log.Reports, r => Assert.True(r.Seconds > 0));
    }
}
