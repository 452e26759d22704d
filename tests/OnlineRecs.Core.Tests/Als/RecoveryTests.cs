using OnlineRecs.Core.Als;
using OnlineRecs.Core.Sparse;

namespace OnlineRecs.Core.Tests.Als;

public class RecoveryTests
{
    [Fact]
    public void RanksHeldOutPositivesAboveUnseenItems()
    {
        var (train, heldOut) = SyntheticInteractions.PlantedLowRank(users: 300, items: 200, rank: 3, perUser: 16, seed: 12);
        var options = new AlsOptions { Factors = 8, Regularization = 0.1f, Alpha = 10f, Iterations = 10, Threads = 2 };
        var untrained = new ImplicitAls(options with { Iterations = 0 });
        var trained = new ImplicitAls(options);
        untrained.Fit(train);
        trained.Fit(train);

        var randomAuc = MeanAuc(untrained, train, heldOut);
        var alsAuc = MeanAuc(trained, train, heldOut);
        Assert.InRange(randomAuc, 0.4, 0.6);
        Assert.True(alsAuc > 0.8, $"ALS AUC {alsAuc:F3}");
    }

    // Per user, the share of unseen items scored below the held-out positive (ties count half).
    private static double MeanAuc(ImplicitAls model, CsrMatrix train, int[] heldOut)
    {
        var total = 0.0;
        for (var u = 0; u < train.Rows; u++)
        {
            var seen = train.RowColumns(u).ToArray();
            var target = Score(model, u, heldOut[u]);
            var below = 0.0;
            var negatives = 0;
            for (var i = 0; i < train.Cols; i++)
            {
                if (i == heldOut[u] || seen.Contains(i)) continue;
                var score = Score(model, u, i);
                below += score < target ? 1 : score == target ? 0.5 : 0;
                negatives++;
            }
            total += below / negatives;
        }
        return total / train.Rows;
    }

    private static float Score(ImplicitAls model, int user, int item) =>
        System.Numerics.Tensors.TensorPrimitives.Dot(model.UserVector(user), model.ItemVector(item));
}
