using OnlineRecs.Core.Randomness;
using OnlineRecs.Core.Data;
using OnlineRecs.Core.Evaluation;
using OnlineRecs.Core.Tests.Data;
using OnlineRecs.Core.Training;

namespace OnlineRecs.Core.Tests.Evaluation;

/// <summary>The check values PROTOCOL.md gives for ml-latest-small with seed 42.</summary>
public class ProtocolCheckValueTests
{
    private static readonly RatingDataset Small = DatasetReader.Read(SharedData.MovieLensSmallPath);

    [Fact]
    public void SplitMixMatchesTheProtocol()
    {
        Assert.Equal(16294208416658607535UL, SplitMix64.Mix(0));
        Assert.Equal(13679457532755275413UL, SplitMix64.Mix(42));
    }

    [Fact]
    public void SplitHasTheProtocolCounts()
    {
        var split = Protocols.Split(Small);
        Assert.Equal(610, split.Universe.Users.Count);
        Assert.Equal(9_724, split.Universe.Items.Count);
        Assert.Equal(39_041, split.TrainPositives);
        Assert.Equal(9_539, split.TestPositives);
        Assert.Equal(590, split.EvaluatedUsers.Length);
    }

    [Fact]
    public void ColdStartProtocolsHaveTheProtocolCounts()
    {
        var coldUsers = Protocols.ColdStartUsers(Small);
        var coldItems = Protocols.ColdStartItems(Small);
        Assert.Equal(75, coldUsers.Universe.Users.Ids.Count(u => SplitMix64.Mix(42 ^ (ulong)u) % 10 == 0));
        Assert.Equal(989, coldItems.CandidateItems!.Length);
        Assert.All(coldUsers.EvaluatedUsers, u => Assert.Equal(0, coldUsers.Train.RowLength(u)));
        Assert.DoesNotContain(coldItems.Train.Columns, i => coldItems.CandidateItems.Contains(i));
    }

    /// <summary>Popularity is deterministic, so the peers' figure (same protocol, same metric code) must reappear exactly.</summary>
    [Fact]
    public void PopularityReproducesThePeerFigures()
    {
        var split = Protocols.Split(Small);
        var trained = RecommenderTrainer.Train(split, Small, ModelParameters.ForModel(ModelKind.Popularity));
        var report = RankingEvaluator.Evaluate(split, trained.Scorer, threads: 2);
        Assert.Equal(0.1127, report.PrecisionAt10, 4);
        Assert.Equal(0.0987, report.RecallAt10, 4);
        Assert.Equal(0.1523, report.NdcgAt10, 4);
        Assert.Equal(0.9078, report.Auc, 4);
    }
}
