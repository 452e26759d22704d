namespace OnlineRecs.Core.Evaluation;

/// <summary>Mean ranking metrics over a protocol's evaluated users.</summary>
public sealed record RankingReport(
    string Protocol,
    int UsersEvaluated,
    double PrecisionAt10,
    double RecallAt10,
    double NdcgAt10,
    double Auc);
