using OnlineRecs.Core.Data;
using OnlineRecs.Core.Evaluation;
using OnlineRecs.Core.Training;

namespace OnlineRecs.Core.Tests.Evaluation;

/// <summary>On a stream with planted taste, learning from the replay must beat the frozen first-half model.</summary>
public class PrequentialLearningTests
{
    private static readonly RatingDataset Stream = new SyntheticDataGenerator(new SyntheticDataOptions
    {
        Users = 300, Items = 400, Interactions = 12_000, Seed = 7,
    }).Generate().Dataset;

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
        Assert.True(online.HitRate > frozen.HitRate, $"online {online.HitRate:F4} vs frozen {frozen.HitRate:F4}");
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
