namespace OnlineRecs.Core.Data;

/// <summary>One rating event, keyed by the data set's own user and item ids.</summary>
public readonly record struct Rating(int UserId, int ItemId, float Value, long Timestamp);
