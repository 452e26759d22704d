using OnlineRecs.Abstractions.Retraining;

namespace OnlineRecs.Abstractions.Serving;

/// <summary>
/// What the model is: its version, what it knows, how far into the event log it has learned, and where full
/// retrains stand (filled in by whoever asks the coordinator too).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ModelSummary(
    [property: Id(0)] long ModelVersion,
    [property: Id(1)] int Users,
    [property: Id(2)] int Items,
    [property: Id(3)] long EventsApplied,
    [property: Id(4)] long LastSequence,
    [property: Id(5)] DateTimeOffset? LastUpdate,
    [property: Id(6)] int Factors,
    [property: Id(7)] string Loss,
    [property: Id(8)] RetrainStatus? Retrain = null);
