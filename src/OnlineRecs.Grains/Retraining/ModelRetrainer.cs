using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OnlineRecs.Abstractions.Retraining;
using OnlineRecs.Core.Retraining;
using OnlineRecs.Grains.Ingest;

namespace OnlineRecs.Grains.Retraining;

/// <summary>
/// One full retrain, start to finish, off the grains' threads:
/// 1. snapshot: the log up to the last group learned (sequence S);
/// 2. fit the chosen algorithm on it, on a thread below the silo's priority, while ingest and queries go on;
/// 3. catch up off the grains: learn the events logged since S on top of the fit, in rounds, each taking what arrived
///    during the one before, so the snapshot moves on to S';
/// 4. save the new version as of S' as a checkpoint (still on that thread), so that from now on a restart comes back to it;
/// 5. with the learner held between two groups: install the version everywhere, then learn again through the grains
///    the few groups after S', so no event is lost and the result is what a restart from the checkpoint would build.
/// </summary>
public sealed partial class ModelRetrainer(
    EventPipeline pipeline,
    ModelInstaller installer,
    RetrainBoard board,
    CheckpointStore checkpoints,
    IOptions<RetrainOptions> retrainOptions,
    IOptions<OnlineLearningOptions> learningOptions,
    ILogger<ModelRetrainer> logger)
{
    private readonly RetrainOptions _options = retrainOptions.Value;

    public async Task<RetrainRecord> Run(RetrainAlgorithm algorithm, long version, CancellationToken cancellation = default)
    {
        var settings = _options.SettingsFor(algorithm, learningOptions.Value);
        var startedAt = DateTimeOffset.UtcNow;
        board.Begin(algorithm, settings.EpochsOrDefault);
        try
        {
            var through = pipeline.LearnedThrough;
            var (snapshot, checkpoint, replays) = await BackgroundThread.Run(() =>
            {
                var snapshot = new LogSnapshot(pipeline.LoggedThrough(through), learningOptions.Value);
                var (fittedThrough, fittedEvents, fittedPositives) = (snapshot.Sequence, snapshot.Events, snapshot.Positives);
                board.Enter(RetrainPhase.Training);
                var model = FullRetrain.Fit(snapshot.ToInput(), settings, new Progress(board), cancellation);
                var fitted = board.ElapsedSeconds;
                board.Enter(RetrainPhase.CatchingUp);
                model = CatchUp(snapshot, model);
                var caughtUp = board.ElapsedSeconds;
                var record = new RetrainRecord(version, algorithm.Name(), startedAt, board.ElapsedSeconds, fittedThrough,
                    fittedPositives, snapshot.Events - fittedEvents, model.EpochLosses, 0);
                var checkpoint = snapshot.ToCheckpoint(version, model, record);
                checkpoints.Save(checkpoint);
                LogPhases(version, fitted, caughtUp - fitted, board.ElapsedSeconds - caughtUp);
                return (snapshot, checkpoint, pipeline.ReplaysThrough(snapshot.Sequence));
            }, _options.Nice, "OnlineRecs retrain");

            board.Enter(RetrainPhase.Installing);
            var relearned = await pipeline.Quiesced(async () =>
            {
                await installer.Install(checkpoint);
                return await pipeline.Relearn(snapshot.LogOffset, replays);
            });
            var record = checkpoint.Record with
            {
                Seconds = board.ElapsedSeconds,
                CaughtUpEvents = checkpoint.Record.CaughtUpEvents + relearned,
                RelearnedEvents = relearned,
            };
            LogRetrained(version, record.Algorithm, record.Seconds, record.SnapshotPositives, record.CaughtUpEvents, relearned);
            return record;
        }
        finally
        {
            board.End();
        }
    }

    /// <summary>
    /// Learns, in rounds, the groups logged since the snapshot on top of <paramref name="model"/>, growing the snapshot
    /// with them, until few enough are left for the grains, or the rounds run out, or a round finds more to learn than
    /// the one before: ingest is outpacing the rounds, which would only grow longer, and the grains learn the rest.
    /// </summary>
    private RetrainedModel CatchUp(LogSnapshot snapshot, RetrainedModel model)
    {
        var catchUp = learningOptions.Value.ToCatchUpSettings();
        var before = long.MaxValue;
        for (var round = 1; round <= _options.CatchUpRounds; round++)
        {
            var through = pipeline.LearnedThrough;
            var newer = through - snapshot.Sequence;
            if (newer < _options.CatchUpTail || newer >= before) break;
            before = newer;
            var started = Stopwatch.GetTimestamp();
            var firstNewer = snapshot.Positives;
            snapshot.Extend(pipeline.LoggedThrough(through, snapshot.LogOffset));
            model = RetrainCatchUp.Learn(model, snapshot.ToInput(), firstNewer, catchUp);
            LogCatchUpRound(round, newer, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        return model;
    }

    private sealed class Progress(RetrainBoard board) : IProgress<RetrainProgress>
    {
        public void Report(RetrainProgress value) => board.Report(value);
    }

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Model version {Version}: snapshot and fit took {Fit:F2} s, the catch-up off the grains {CatchUp:F2} s, the checkpoint {Checkpoint:F2} s")]
    private partial void LogPhases(long version, double fit, double catchUp, double checkpoint);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Retrain catch-up round {Round}: {Records} newer records learned in {Seconds:F2} s")]
    private partial void LogCatchUpRound(int round, long records, double seconds);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Model version {Version} ({Algorithm}) is live after {Seconds:F2} s: fitted on {Positives} positives, then {CaughtUp} newer events learned on top, the last {Relearned} through the grains")]
    private partial void LogRetrained(long version, string algorithm, double seconds, int positives, long caughtUp, long relearned);
}
