namespace OnlineRecs.Core.Evaluation;

/// <summary>One rating of the stream in the universe's dense indices, and whether it is a positive.</summary>
internal readonly record struct PrequentialEvent(int User, int Item, bool IsPositive);
