using OnlineRecs.Core.Hybrid;
using OnlineRecs.Core.Sparse;

namespace OnlineRecs.Core.Tests.Hybrid;

/// <summary>Finite-difference checks: each analytic derivative and each parameter step against the loss it descends.</summary>
public class LossGradientTests
{
    private const float H = 1e-3f;

    [Theory]
    [InlineData(-3f)]
    [InlineData(-0.2f)]
    [InlineData(0.7f)]
    [InlineData(4f)]
    public void BprDerivativeMatchesFiniteDifference(float x)
    {
        var numeric = (BprLoss.Value(x + H) - BprLoss.Value(x - H)) / (2 * H);
        Assert.True(MathF.Abs(numeric - BprLoss.Derivative(x)) < 1e-3f, $"{numeric} vs {BprLoss.Derivative(x)}");
    }

    [Theory]
    [InlineData(-3f, 1f)]
    [InlineData(0.4f, 1f)]
    [InlineData(-1.5f, 0f)]
    [InlineData(2.5f, 0f)]
    public void LogisticDerivativeMatchesFiniteDifference(float s, float y)
    {
        var numeric = (LogisticLoss.Value(s + H, y) - LogisticLoss.Value(s - H, y)) / (2 * H);
        Assert.True(MathF.Abs(numeric - LogisticLoss.Derivative(s, y)) < 1e-3f, $"{numeric} vs {LogisticLoss.Derivative(s, y)}");
    }

    /// <summary>
    /// The pairwise step of BPR and WARP with weight w must move every parameter by −η ∂/∂θ [w (x_uj − x_ui)]
    /// on the first AdaGrad step (accumulators start at 1): compare each move with a central difference.
    /// </summary>
    [Fact]
    public void PairStepDescendsTheFiniteDifferenceGradient()
    {
        var (model, epoch, userFeatures, itemFeatures) = TinyModel(LossKind.Bpr);
        const int user = 0, positive = 1, negative = 2;
        const float weight = 0.8f;
        float Objective() => weight * (Score(model, userFeatures, itemFeatures, user, negative) - Score(model, userFeatures, itemFeatures, user, positive));

        var expected = NumericGradient(model, Objective);
        var before = Parameters(model);
        var s = new TrainingScratch(model.Factors, 1);
        epoch.RepresentUser(user, s.User);
        epoch.RepresentItem(positive, s.Positive);
        epoch.RepresentItem(negative, s.Negative);
        epoch.DescendPair(user, positive, negative, weight, s);
        AssertMovedAgainst(expected, before, Parameters(model), model.Options.LearningRate);
    }

    [Fact]
    public void LogisticStepDescendsTheFiniteDifferenceGradient()
    {
        var (model, _, userFeatures, itemFeatures) = TinyModel(LossKind.Logistic);
        const int user = 0, item = 1;
        // With every other item a positive, the drawn negative is impossible and only the positive's step runs.
        var allPositive = CsrMatrix.FromTriplets(1, 2, [(0, 0, 1f), (0, 1, 1f)]);
        var epoch = new HybridEpoch(model, allPositive, userFeatures, Rows(itemFeatures, 2));
        float Objective() => LogisticLoss.Value(Score(model, userFeatures, itemFeatures, user, item, withUserBias: true), 1f);

        var expected = NumericGradient(model, Objective);
        var before = Parameters(model);
        LogisticLoss.Step(epoch, user, item, 1f, new TrainingScratch(model.Factors, 1));
        AssertMovedAgainst(expected, before, Parameters(model), model.Options.LearningRate);
    }

    private static (HybridModel, HybridEpoch, CsrMatrix, CsrMatrix) TinyModel(LossKind loss)
    {
        var model = new HybridModel(new HybridOptions { Factors = 5, Loss = loss, LearningRate = 0.01f, Seed = 3 });
        // Users: identity + one metadata feature; items: identity, item 1 also a genre. (A feature shared by
        // both items of a pair takes two successive AdaGrad steps, which a first-order check cannot match.)
        var userFeatures = CsrMatrix.FromTriplets(1, 2, [(0, 0, 1f), (0, 1, 0.5f)]);
        var itemFeatures = CsrMatrix.FromTriplets(3, 4, [(0, 0, 1f), (1, 1, 1f), (1, 3, 0.5f), (2, 2, 1f)]);
        model.Users.EnsureCount(2, LearningSchedule.AdaGrad);
        model.Items.EnsureCount(4, LearningSchedule.AdaGrad);
        for (var f = 0; f < 4; f++) model.Items.Biases[f] = 0.1f * f;
        model.Users.Biases[1] = -0.2f;
        var interactions = CsrMatrix.FromTriplets(1, 3, [(0, 1, 1f)]);
        return (model, new HybridEpoch(model, interactions, userFeatures, itemFeatures), userFeatures, itemFeatures);
    }

    private static CsrMatrix Rows(CsrMatrix m, int rows) =>
        new(rows, m.Cols, m.RowStart[..(rows + 1)], m.Columns[..m.RowStart[rows]], m.Values[..m.RowStart[rows]]);

    private static float Score(HybridModel model, CsrMatrix users, CsrMatrix items, int u, int i, bool withUserBias = false)
    {
        var q = new float[model.Factors];
        var p = new float[model.Factors];
        var bu = HybridModel.Represent(model.Users, users.RowColumns(u), users.RowValues(u), q);
        var bi = HybridModel.Represent(model.Items, items.RowColumns(i), items.RowValues(i), p);
        var dot = 0f;
        for (var c = 0; c < q.Length; c++) dot += q[c] * p[c];
        return dot + bi + (withUserBias ? bu : 0);
    }

    private static float[][] Parameters(HybridModel m) =>
        [m.Users.Embeddings.AsSpan(0, m.Users.Count * m.Factors).ToArray(), m.Users.Biases[..m.Users.Count],
         m.Items.Embeddings.AsSpan(0, m.Items.Count * m.Factors).ToArray(), m.Items.Biases[..m.Items.Count]];

    private static IEnumerable<float[]> LiveArrays(HybridModel m) => [m.Users.Embeddings, m.Users.Biases, m.Items.Embeddings, m.Items.Biases];

    private static float[][] NumericGradient(HybridModel model, Func<float> objective)
    {
        var shapes = Parameters(model);
        var gradient = shapes.Select(a => new float[a.Length]).ToArray();
        var live = LiveArrays(model).ToArray();
        for (var a = 0; a < live.Length; a++)
        {
            for (var n = 0; n < gradient[a].Length; n++)
            {
                var keep = live[a][n];
                live[a][n] = keep + H;
                var up = objective();
                live[a][n] = keep - H;
                var down = objective();
                live[a][n] = keep;
                gradient[a][n] = (up - down) / (2 * H);
            }
        }
        return gradient;
    }

    private static void AssertMovedAgainst(float[][] gradient, float[][] before, float[][] after, float learningRate)
    {
        var moved = 0;
        for (var a = 0; a < gradient.Length; a++)
        {
            for (var n = 0; n < gradient[a].Length; n++)
            {
                var step = after[a][n] - before[a][n];
                Assert.True(MathF.Abs(step + learningRate * gradient[a][n]) < 2e-5f,
                    $"parameter array {a} index {n}: moved {step}, expected {-learningRate * gradient[a][n]}");
                if (gradient[a][n] != 0) moved++;
            }
        }
        Assert.True(moved > 10, "the check should cover many parameters");
    }
}
