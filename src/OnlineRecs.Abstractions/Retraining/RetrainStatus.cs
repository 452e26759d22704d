using System.Text.Json.Serialization;

namespace OnlineRecs.Abstractions.Retraining;

/// <summary>
/// Where a full retrain is: reading the log, fitting, learning the events that arrived meanwhile (off the grains), then
/// installing the new version and re-applying the few groups that arrived during that catch-up (ingest held).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<RetrainPhase>))]
public enum RetrainPhase
{
    [JsonStringEnumMemberName("idle")] Idle,
    [JsonStringEnumMemberName("snapshot")] Snapshot,
    [JsonStringEnumMemberName("training")] Training,
    [JsonStringEnumMemberName("catching-up")] CatchingUp,
    [JsonStringEnumMemberName("installing")] Installing,
}

/// <summary>
/// One completed retrain: the version it made, what it was fitted on, how long it took, its loss per epoch.
/// <see cref="CaughtUpEvents"/> arrived after the fit's snapshot and were learned on top of it, the last
/// <see cref="RelearnedEvents"/> of them through the grains while ingest waited.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RetrainRecord(
    [property: Id(0)] long Version,
    [property: Id(1)] string Algorithm,
    [property: Id(2)] DateTimeOffset StartedAt,
    [property: Id(3)] double Seconds,
    [property: Id(4)] long SnapshotSequence,
    [property: Id(5)] int SnapshotPositives,
    [property: Id(6)] long CaughtUpEvents,
    [property: Id(7)] double[] EpochLosses,
    [property: Id(8)] long RelearnedEvents);

/// <summary>The coordinator's view: the running retrain's progress (if any), the model version and recent history.</summary>
[GenerateSerializer, Immutable]
public sealed record RetrainStatus(
    [property: Id(0)] RetrainPhase Phase,
    [property: Id(1)] string? Algorithm,
    [property: Id(2)] int Epoch,
    [property: Id(3)] int Epochs,
    [property: Id(4)] double? Loss,
    [property: Id(5)] double ElapsedSeconds,
    [property: Id(6)] long ModelVersion,
    [property: Id(7)] RetrainRecord[] History,
    [property: Id(8)] string? LastError)
{
    public bool Running => Phase != RetrainPhase.Idle;
}
