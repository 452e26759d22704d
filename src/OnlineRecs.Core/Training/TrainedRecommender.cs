using OnlineRecs.Core.Evaluation;

namespace OnlineRecs.Core.Training;

/// <summary>A model fitted on a split's training positives, ready to score its users.</summary>
public sealed record TrainedRecommender(ModelParameters Parameters, UserScorer Scorer, double TrainSeconds);
