using OnlineRecs.Core.Randomness;
using OnlineRecs.Core.Hybrid;
using OnlineRecs.Core.Sparse;

namespace OnlineRecs.Core.Tests.Hybrid;

/// <summary>The per-event update the user grain calls: it grows, it learns, and bad input changes nothing.</summary>
public class LearnEventTests
{
    // Items 0..4, each its identity feature; item 4 also carries a new genre feature 5.
    private static readonly CsrMatrix ItemRows = CsrMatrix.FromTriplets(5, 6,
        [(0, 0, 1f), (1, 1, 1f), (2, 2, 1f), (3, 3, 1f), (4, 4, 1f), (4, 5, 1f)]);

    [Fact]
    public void AFreshModelGrowsToTheRowsAndLearnsThePair()
    {
        var model = new HybridModel(new HybridOptions { Factors = 8, Seed = 1 });
        var catalogue = new MatrixCatalogue(ItemRows);
        int[] userFeatures = [2];
        float[] userWeights = [1f];

        model.LearnEvent(new FeatureRow(userFeatures, userWeights), 4, 1f, catalogue, new HashSet<int> { 4 });
        Assert.Equal(3, model.Users.Count);
        Assert.Equal(6, model.Items.Count);

        var before = Score(model, userFeatures, 4);
        for (var n = 0; n < 20; n++)
            model.LearnEvent(new FeatureRow(userFeatures, userWeights), 4, 1f, catalogue, new HashSet<int> { 4 });
        Assert.True(Score(model, userFeatures, 4) > before + 0.1f);
        Assert.True(Score(model, userFeatures, 4) > Score(model, userFeatures, 1));
    }

    [Theory]
    [InlineData(float.NaN, 1f)]
    [InlineData(float.PositiveInfinity, 1f)]
    [InlineData(-1f, 1f)]
    [InlineData(1f, float.NaN)]
    public void NonFiniteOrNegativeInputIsRefusedAndChangesNothing(float eventWeight, float featureWeight)
    {
        var model = new HybridModel(new HybridOptions { Factors = 8, Seed = 1 });
        var catalogue = new MatrixCatalogue(ItemRows);
        model.LearnEvent(new FeatureRow([0], [1f]), 1, 1f, catalogue, new HashSet<int> { 1 });
        var snapshot = Parameters(model);

        Assert.ThrowsAny<ArgumentException>(() =>
            model.LearnEvent(new FeatureRow([0], [featureWeight]), 2, eventWeight, catalogue, new HashSet<int> { 2 }));
        Assert.Equal(snapshot, Parameters(model));
    }

    private static float[] Parameters(HybridModel m) =>
        [.. m.Users.Embeddings, .. m.Users.Biases, .. m.Items.Embeddings, .. m.Items.Biases, .. m.Items.EmbeddingState];

    private static float Score(HybridModel model, int[] userFeatures, int item)
    {
        var q = new float[model.Factors];
        var p = new float[model.Factors];
        HybridModel.Represent(model.Users, userFeatures, [.. userFeatures.Select(_ => 1f)], q);
        var b = HybridModel.Represent(model.Items, ItemRows.RowColumns(item), ItemRows.RowValues(item), p);
        return q.Zip(p, (x, y) => x * y).Sum() + b;
    }

    private sealed class MatrixCatalogue(CsrMatrix rows) : IItemCatalogue
    {
        public int Count => rows.Rows;
        public int FeatureCount => rows.Cols;
        public int Draw(ref FastRandom random) => random.Next(rows.Rows);
        public FeatureRow Row(int item) => FeatureRow.Of(rows, item);
    }
}
