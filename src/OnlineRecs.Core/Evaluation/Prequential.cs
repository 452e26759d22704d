using System.Diagnostics;
using OnlineRecs.Core.Data;

namespace OnlineRecs.Core.Evaluation;

/// <summary>
/// PROTOCOL.md §4, <c>prequential</c>: fit on the first half of the time-ordered stream, then replay the second
/// half test-then-train, scoring each eligible positive before the system takes it in.
/// </summary>
public static class Prequential
{
    private const int ProgressEvery = 1_000;

    /// <param name="progress">Receives the share of the replay done, 0..1.</param>
    public static PrequentialReport Run(RatingDataset data, PrequentialOptions options, IProgress<double>? progress = null)
    {
        if (options.OnlineSteps < 0) throw new ArgumentOutOfRangeException(nameof(options), "OnlineSteps cannot be negative.");
        if (options.RetrainEvery is <= 0) throw new ArgumentOutOfRangeException(nameof(options), "RetrainEvery must be positive.");

        var stream = new PrequentialStream(data, options.Threshold);
        var history = new PrequentialHistory(stream.Universe.Users.Count, stream.Universe.Items.Count);
        var model = PrequentialModel.Create(options, data, stream.Universe);
        foreach (var e in stream.InitialEvents) TakeIn(e, history, model);
        var trainStarted = Stopwatch.GetTimestamp();
        model.Retrain(history);
        var trainSeconds = Stopwatch.GetElapsedTime(trainStarted).TotalSeconds;

        var replay = stream.ReplayEvents;
        var retrainEvery = options.RetrainIntervalFor(replay.Length);
        var tally = new PrequentialTally(replay.Length);
        var scores = new float[stream.Universe.Items.Count];
        var retrains = 0;
        var replayStarted = Stopwatch.GetTimestamp();
        for (var n = 0; n < replay.Length; n++)
        {
            var e = replay[n];
            if (history.IsEvaluated(e))
            {
                model.Score(e.User, history, scores);
                tally.Record(n, PrequentialRanking.IsHit(scores, e, history));
            }
            TakeIn(e, history, model);
            if (options.Mode != PrequentialMode.Frozen && e.IsPositive) model.Learn(e, history);
            if (options.Mode == PrequentialMode.OnlineRetrain && (n + 1) % retrainEvery == 0 && n + 1 < replay.Length)
            {
                model.Retrain(history);
                retrains++;
            }
            if ((n + 1) % ProgressEvery == 0) progress?.Report((double)(n + 1) / replay.Length);
        }
        var replaySeconds = Stopwatch.GetElapsedTime(replayStarted).TotalSeconds;
        progress?.Report(1);

        return new PrequentialReport(options.Parameters.Model, options.Mode, replay.Length, tally.Evaluated, tally.Hits,
            tally.HitRateByPart(), retrains, trainSeconds, replaySeconds);
    }

    /// <summary>§4.3's "apply the event": every event enters the seen-item filters and the model's view of the stream.</summary>
    private static void TakeIn(PrequentialEvent e, PrequentialHistory history, PrequentialModel model)
    {
        history.Add(e);
        model.Observe(e, history);
    }
}
