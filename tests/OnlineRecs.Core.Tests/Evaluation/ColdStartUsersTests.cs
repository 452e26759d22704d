using OnlineRecs.Core.Data;
using OnlineRecs.Core.Evaluation;
using OnlineRecs.Core.Training;

namespace OnlineRecs.Core.Tests.Evaluation;

/// <summary>coldstart-users: users scored from their metadata alone against popularity on the same users.</summary>
public sealed class ColdStartUsersTests
{
    private static readonly SyntheticDataOptions Shape = new() { Users = 3_000, Items = 1_500, Interactions = 150_000 };

    [Theory]
    [InlineData(SyntheticUserMetadata.Segments, 1.3)]
    // MovieLens-style demographics carry little taste; the best a per-segment popularity can do here is 1.07×.
    [InlineData(SyntheticUserMetadata.Demographics, 1.03)]
    public void Metadata_alone_beats_popularity(SyntheticUserMetadata metadata, double atLeast)
    {
        var data = new SyntheticDataGenerator(Shape with { UserMetadata = metadata }).Generate().Dataset;
        var split = Protocols.ColdStartUsers(data);

        var popularity = PrecisionAt10(split, data, ModelKind.Popularity);
        var hybrid = PrecisionAt10(split, data, ModelKind.Bpr);

        Assert.True(hybrid >= atLeast * popularity, $"BPR P@10 {hybrid:F4} against popularity {popularity:F4}");
    }

    private static double PrecisionAt10(EvaluationSplit split, RatingDataset data, ModelKind model)
    {
        var trained = RecommenderTrainer.Train(split, data, ModelParameters.ForModel(model) with { Threads = 1 });
        return RankingEvaluator.Evaluate(split, trained.Scorer).PrecisionAt10;
    }
}
