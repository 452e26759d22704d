namespace OnlineRecs.Core.Retraining;

/// <summary>One positive interaction of a snapshot: who, what, and its sample weight.</summary>
public readonly record struct SnapshotPositive(int UserId, int ItemId, float Weight);

/// <summary>
/// What a full retrain learns from: every positive up to one point of the event stream, in stream order, and
/// every user's and item's metadata. <see cref="Users"/> and <see cref="Items"/> name every known entity,
/// those with metadata but no positive too, so the new model represents all of them.
/// </summary>
public sealed record RetrainInput(
    SnapshotPositive[] Positives,
    int[] Users,
    int[] Items,
    IReadOnlyDictionary<int, string[]> UserMetadata,
    IReadOnlyDictionary<int, string[]> ItemMetadata);
