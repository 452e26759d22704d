using OnlineRecs.Core.Training;

namespace OnlineRecs.Core.Evaluation;

/// <summary>The outcome of one prequential run (PROTOCOL.md §4).</summary>
public sealed record PrequentialReport(
    ModelKind Model,
    PrequentialMode Mode,
    int ReplayEvents,
    int EvaluatedEvents,
    int Hits,
    double[] HitRateByTenth,
    int Retrains,
    double InitialTrainSeconds,
    double ReplaySeconds)
{
    /// <summary>HR@10 = hits / evaluated events.</summary>
    public double HitRate => EvaluatedEvents == 0 ? 0 : (double)Hits / EvaluatedEvents;

    /// <summary>Replayed events per second, scoring, updates and retrains included.</summary>
    public double EventsPerSecond => ReplaySeconds == 0 ? 0 : ReplayEvents / ReplaySeconds;
}
