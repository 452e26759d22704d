using OnlineRecs.Core.Data;
using OnlineRecs.Core.Evaluation;
using OnlineRecs.Core.Training;

namespace OnlineRecs.Core.Tests.Evaluation;

/// <summary>
/// On a stream with planted taste in which, as on MovieLens, half the users arrive only in the second half and users
/// carry no metadata, learning from the replay must beat the frozen first-half model, which knows those users by nothing.
/// </summary>
public class PrequentialLearningTests
{
    private static readonly RatingDataset Stream = WithLateUsers(new SyntheticDataGenerator(new SyntheticDataOptions
    {
        Users = 300, Items = 400, Interactions = 12_000, Seed = 7,
    }).Generate().Dataset);

    /// <summary>The odd users' ratings moved after all the even users', each user's own order kept; no user metadata.</summary>
    private static RatingDataset WithLateUsers(RatingDataset data)
    {
        var reordered = data.Ratings.OrderBy(r => r.UserId % 2).ThenBy(r => r.Timestamp)
            .Select((r, n) => r with { Timestamp = n + 1 }).ToArray();
        return new RatingDataset
        {
            Name = data.Name, Format = data.Format, Ratings = reordered,
            ItemFeatures = data.ItemFeatures, ItemTitles = data.ItemTitles,
        };
    }

    [Theory]
    [InlineData(ModelKind.Warp)]
    [InlineData(ModelKind.Als)]
    public void OnlineBeatsFrozen(ModelKind kind)
    {
        var parameters = ModelParameters.ForModel(kind) with { Factors = 16, Epochs = 10, Threads = 1 };
        var frozen = Prequential.Run(Stream, new PrequentialOptions { Parameters = parameters, Mode = PrequentialMode.Frozen });
        var online = Prequential.Run(Stream, new PrequentialOptions { Parameters = parameters, Mode = PrequentialMode.Online });

        Assert.Equal(frozen.EvaluatedEvents, online.EvaluatedEvents);
        Assert.True(frozen.EvaluatedEvents > 1_000, $"only {frozen.EvaluatedEvents} evaluated events");
        Assert.True(online.HitRate > 1.15 * frozen.HitRate, $"online {online.HitRate:F4} vs frozen {frozen.HitRate:F4}");
    }

    [Fact]
    public void RetrainingRunsAtTheRequestedInterval()
    {
        var parameters = ModelParameters.ForModel(ModelKind.Popularity);
        var report = Prequential.Run(Stream, new PrequentialOptions
        {
            Parameters = parameters, Mode = PrequentialMode.OnlineRetrain, RetrainEvery = 1_000,
        });
        Assert.Equal(5, report.Retrains);
    }
}
