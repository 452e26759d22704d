namespace OnlineRecs.Core.Scoring;

/// <summary>An item index with its score; top-K results are ordered by score descending, then by item ascending.</summary>
public readonly record struct ScoredItem(int Item, float Score);
