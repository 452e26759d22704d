using OnlineRecs.Core.Data;
using OnlineRecs.Core.Evaluation;
using OnlineRecs.Core.Hybrid;
using OnlineRecs.Core.Sparse;
using OnlineRecs.Core.Training;

namespace OnlineRecs.Core.Tests.Hybrid;

public class HybridModelTests
{
    private static readonly RatingDataset Planted = new SyntheticDataGenerator(new SyntheticDataOptions
    {
        Users = 300, Items = 400, Interactions = 12_000, Seed = 5,
    }).Generate().Dataset;

    [Theory]
    [InlineData(ModelKind.Warp)]
    [InlineData(ModelKind.Bpr)]
    [InlineData(ModelKind.Logistic)]
    public void EveryLossLearnsPlantedStructureBetterThanPopularity(ModelKind kind)
    {
        var split = Protocols.Split(Planted, threshold: 1f);
        var popularity = Evaluate(split, ModelParameters.ForModel(ModelKind.Popularity));
        var model = Evaluate(split, ModelParameters.ForModel(kind) with { Factors = 16, Threads = 1, Epochs = 15 });
        Assert.True(model.Auc > popularity.Auc, $"{kind}: AUC {model.Auc:F4} vs popularity {popularity.Auc:F4}");
    }

    /// <summary>k-OS takes one step per user per epoch, on a middling positive: it learns, but slowly.</summary>
    [Fact]
    public void KosWarpLearnsFarBeyondAnUntrainedModel()
    {
        var split = Protocols.Split(Planted, threshold: 1f);
        var parameters = ModelParameters.ForModel(ModelKind.WarpKos) with { Factors = 16, Threads = 1 };
        var untrained = Evaluate(split, parameters with { Epochs = 0 });
        var trained = Evaluate(split, parameters with { Epochs = 200 });
        Assert.True(trained.Auc > untrained.Auc + 0.15, $"AUC {trained.Auc:F4} vs untrained {untrained.Auc:F4}");
    }

    [Fact]
    public void OneThreadTrainingIsBitForBitRepeatable()
    {
        float[] Train()
        {
            var (model, interactions, users, items) = Small(seed: 9);
            model.FitPartial(interactions, users, items, epochs: 3);
            return [.. model.Users.Embeddings, .. model.Items.Embeddings, .. model.Items.Biases];
        }
        Assert.Equal(Train(), Train());
    }

    [Fact]
    public void FitPartialLearnsNewUsersItemsAndFeaturesAndKeepsWhatItKnew()
    {
        var (model, interactions, users, items) = Small(seed: 2);
        model.FitPartial(interactions, users, items, epochs: 5);
        var knownBefore = model.Users.Embedding(0).ToArray();
        var oldItemFeatures = model.Items.Count;

        // One new user (row 3) who likes a new item (column 4) that carries a new feature (column 6).
        var grownInteractions = CsrMatrix.FromTriplets(4, 5, [(3, 4, 1f)]);
        var grownUsers = CsrMatrix.FromTriplets(4, 4, [(0, 0, 1f), (1, 1, 1f), (2, 2, 1f), (3, 3, 1f)]);
        var grownItems = CsrMatrix.FromTriplets(5, 7, [(0, 0, 1f), (1, 1, 1f), (2, 2, 1f), (3, 3, 1f), (4, 5, 1f), (4, 6, 1f)]);
        var scoreBefore = Score(model, grownUsers, grownItems, 3, 4);
        model.FitPartial(grownInteractions, grownUsers, grownItems, epochs: 20);

        Assert.Equal(4, model.Users.Count);
        Assert.Equal(7, model.Items.Count);
        Assert.True(model.Items.Count > oldItemFeatures);
        Assert.Equal(knownBefore, model.Users.Embedding(0).ToArray()); // user 0 had no new events
        Assert.True(Score(model, grownUsers, grownItems, 3, 4) > scoreBefore + 0.1f);
    }

    [Fact]
    public void TrainingWithAHugeLearningRateStaysFinite()
    {
        var (_, interactions, users, items) = Small(seed: 4);
        var model = new HybridModel(new HybridOptions { Factors = 8, Seed = 4, LearningRate = 50f, Loss = LossKind.Logistic });
        model.FitPartial(interactions, users, items, epochs: 50);
        Assert.All(model.Users.Embeddings, v => Assert.True(float.IsFinite(v)));
        Assert.All(model.Items.Biases, v => Assert.True(float.IsFinite(v)));
    }

    private static RankingReport Evaluate(EvaluationSplit split, ModelParameters p) =>
        RankingEvaluator.Evaluate(split, RecommenderTrainer.Train(split, Planted, p).Scorer);

    private static (HybridModel, CsrMatrix, CsrMatrix, CsrMatrix) Small(ulong seed)
    {
        var model = new HybridModel(new HybridOptions { Factors = 8, Seed = seed, Threads = 1, LearningRate = 0.05f });
        var interactions = CsrMatrix.FromTriplets(3, 4, [(0, 0, 1f), (0, 1, 1f), (1, 1, 1f), (1, 2, 1f), (2, 3, 1f)]);
        var users = CsrMatrix.FromTriplets(3, 3, [(0, 0, 1f), (1, 1, 1f), (2, 2, 1f)]);
        var items = CsrMatrix.FromTriplets(4, 5, [(0, 0, 1f), (1, 1, 1f), (1, 4, 0.5f), (2, 2, 1f), (3, 3, 1f), (3, 4, 0.5f)]);
        return (model, interactions, users, items);
    }

    private static float Score(HybridModel model, CsrMatrix users, CsrMatrix items, int u, int i)
    {
        var q = new float[model.Factors];
        var p = new float[model.Factors];
        HybridModel.Represent(model.Users, users.RowColumns(u), users.RowValues(u), q);
        var b = HybridModel.Represent(model.Items, items.RowColumns(i), items.RowValues(i), p);
        return q.Zip(p, (x, y) => x * y).Sum() + b;
    }
}
