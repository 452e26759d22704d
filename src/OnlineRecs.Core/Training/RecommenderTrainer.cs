using System.Diagnostics;
using OnlineRecs.Core.Als;
using OnlineRecs.Core.Data;
using OnlineRecs.Core.Evaluation;
using OnlineRecs.Core.Hybrid;
using OnlineRecs.Core.Popularity;
using OnlineRecs.Core.Scoring;
using OnlineRecs.Core.Sparse;

namespace OnlineRecs.Core.Training;

/// <summary>Fits any <see cref="ModelKind"/> on a protocol's training positives and returns a scorer over its universe.</summary>
public static class RecommenderTrainer
{
    /// <param name="progress">Receives the share of training done, 0..1.</param>
    public static TrainedRecommender Train(EvaluationSplit split, RatingDataset data, ModelParameters p, IProgress<double>? progress = null)
    {
        var started = Stopwatch.GetTimestamp();
        var scorer = p.Model switch
        {
            ModelKind.Popularity => TrainPopularity(split.Train),
            ModelKind.Als => TrainAls(split.Train, p, progress),
            _ => TrainHybrid(split, data, p, progress),
        };
        progress?.Report(1);
        return new TrainedRecommender(p, scorer, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private static UserScorer TrainPopularity(CsrMatrix train)
    {
        var popularity = new PopularityModel();
        popularity.Fit(train);
        return (_, scores) => popularity.Counts.CopyTo(scores);
    }

    private static UserScorer TrainAls(CsrMatrix train, ModelParameters p, IProgress<double>? progress)
    {
        var als = new ImplicitAls(new AlsOptions
        {
            Factors = p.Factors, Iterations = p.Epochs, Alpha = p.Alpha, Regularization = p.Regularization,
            Threads = p.Threads, Seed = (int)p.Seed,
        });
        als.Fit(train, progress is null ? null : new Progress<AlsProgress>(a => progress.Report((double)a.Iteration / p.Epochs)));
        var items = ItemVectors.FromRows(p.Factors, als.ItemFactors);
        return (user, scores) => items.ScoreAll(als.UserVector(user), scores);
    }

    private static UserScorer TrainHybrid(EvaluationSplit split, RatingDataset data, ModelParameters p, IProgress<double>? progress)
    {
        var model = new HybridModel(p.ToHybridOptions());

        var train = split.Train;
        var itemHistory = new int[train.Cols];
        foreach (var item in train.Columns) itemHistory[item]++;
        var userFeatures = new FeatureSpace().Build(split.Universe.Users.Ids, FeatureCrosses.WithPairs(data.UserFeatures), u => train.RowLength(u) > 0, p.UseFeatures);
        var itemFeatures = new FeatureSpace(model.Options.ItemIdentityWeight).Build(split.Universe.Items.Ids, data.ItemFeatures, i => itemHistory[i] > 0, p.UseFeatures);

        model.FitPartial(train, userFeatures, itemFeatures, p.Epochs,
            progress is null ? null : new Progress<EpochProgress>(e => progress.Report((double)e.Epoch / e.Epochs)));

        var (itemVectors, itemBiases) = model.ItemRepresentations(itemFeatures);
        var (userVectors, _) = model.UserRepresentations(userFeatures);
        var items = new ItemVectors(p.Factors, itemVectors, itemBiases);
        return (user, scores) => items.ScoreAll(userVectors.AsSpan(user * p.Factors, p.Factors), scores);
    }
}
