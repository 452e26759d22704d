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
/// 3. save the new version as a checkpoint, so that from now on a restart comes back to it;
/// 4. with the learner held between two groups: install the version everywhere, then learn again every group after
///    S on top of it (the catch-up), so no event that arrived during the fit is lost and the result is what a
///    restart from the checkpoint would build.
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

    public async Task<RetrainRecord> Run(RetrainAlgorithm algorithm, long version, CancellationToken cancellation = default)
    {
        var settings = retrainOptions.Value.SettingsFor(algorithm, learningOptions.Value);
        var startedAt = DateTimeOffset.UtcNow;
        board.Begin(algorithm, settings.EpochsOrDefault);
        try
        {
            var through = pipeline.LearnedThrough;
            var (snapshot, model) = await BackgroundThread.Run(() =>
            {
                var snapshot = new LogSnapshot(pipeline.LoggedThrough(through), learningOptions.Value.PositiveThreshold);
                board.Enter(RetrainPhase.Training);
                return (snapshot, FullRetrain.Fit(snapshot.ToInput(), settings, new Progress(board), cancellation));
            }, retrainOptions.Value.Nice, "OnlineRecs retrain");

            board.Enter(RetrainPhase.Installing);
            var fitted = new RetrainRecord(version, algorithm.Name(), startedAt, board.ElapsedSeconds, snapshot.Sequence,
                snapshot.Positives, 0, model.EpochLosses);
            var checkpoint = snapshot.ToCheckpoint(version, model, fitted);
            checkpoints.Save(checkpoint);
            var caughtUp = await pipeline.Exclusive(async () =>
            {
                await installer.Install(checkpoint);
                board.Enter(RetrainPhase.CatchingUp);
                return await pipeline.Relearn(snapshot.Sequence);
            });
            var record = fitted with { Seconds = board.ElapsedSeconds, CaughtUpEvents = caughtUp };
            LogRetrained(version, record.Algorithm, record.Seconds, snapshot.Positives, caughtUp);
            return record;
        }
        finally
        {
            board.End();
        }
    }

    private sealed class Progress(RetrainBoard board) : IProgress<RetrainProgress>
    {
        public void Report(RetrainProgress value) => board.Report(value);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Model version {Version} ({Algorithm}) is live after {Seconds:F2} s: fitted on {Positives} positives, {CaughtUp} newer events re-applied")]
    private partial void LogRetrained(long version, string algorithm, double seconds, int positives, long caughtUp);
}
