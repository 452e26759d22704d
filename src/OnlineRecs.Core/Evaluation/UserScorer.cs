namespace OnlineRecs.Core.Evaluation;

/// <summary>Writes a score for every item of the universe for one user (dense indices).</summary>
public delegate void UserScorer(int user, Span<float> scores);
