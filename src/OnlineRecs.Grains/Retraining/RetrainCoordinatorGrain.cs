using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OnlineRecs.Abstractions.Events;
using OnlineRecs.Abstractions.Grains;
using OnlineRecs.Abstractions.Retraining;
using OnlineRecs.Core.Retraining;
using OnlineRecs.Grains.Ingest;
using OnlineRecs.Grains.Telemetry;
using Orleans.Concurrency;

namespace OnlineRecs.Grains.Retraining;

/// <summary>
/// Decides when full retrains run (on demand, every N new records, every T minutes), runs one at a time on the
/// thread pool through <see cref="ModelRetrainer"/>, numbers the versions and keeps the recent history. Reentrant,
/// so status queries answer while a retrain's long turn is in flight.
/// </summary>
[Reentrant, KeepAlive]
public sealed partial class RetrainCoordinatorGrain(
    ModelRetrainer retrainer,
    RetrainBoard board,
    RecommenderMetrics metrics,
    EventPipeline pipeline,
    CheckpointStore checkpoints,
    IOptions<RetrainOptions> options,
    ILogger<RetrainCoordinatorGrain> logger) : Grain, IRetrainCoordinatorGrain
{
    private const int HistoryLength = 20;
    private static readonly TimeSpan ScheduleCheck = TimeSpan.FromSeconds(1);

    private readonly RetrainOptions _options = options.Value;
    private readonly List<RetrainRecord> _history = [];
    private Task? _running;
    private long _version;
    private long _lastSnapshot;
    private DateTimeOffset _lastRetrain = DateTimeOffset.UtcNow;
    private string? _lastError;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (checkpoints.Latest() is { } latest)
        {
            (_version, _lastSnapshot) = (latest.Version, latest.Sequence);
            _history.Add(latest.Record);
        }
        if (_options.Scheduled) this.RegisterGrainTimer(CheckSchedule, ScheduleCheck, ScheduleCheck);
        return Task.CompletedTask;
    }

    public Task<bool> Start(string? algorithm)
    {
        var chosen = algorithm is null ? _options.DefaultAlgorithm
            : RetrainAlgorithms.Parse(algorithm) ?? throw new InvalidInputException($"Unknown algorithm '{algorithm}': use als, warp or bpr.");
        if (_running is not null) return Task.FromResult(false);
        _running = Run(chosen);
        return Task.FromResult(true);
    }

    public Task<RetrainStatus> Status() => Task.FromResult(board.Status(_version, [.. _history], _lastError));

    private async Task Run(RetrainAlgorithm algorithm)
    {
        var version = _version + 1;
        try
        {
            var record = await Task.Run(() => retrainer.Run(algorithm, version));
            (_version, _lastSnapshot, _lastError) = (record.Version, record.SnapshotSequence, null);
            _history.Add(record);
            metrics.Retrained(record);
            if (_history.Count > HistoryLength) _history.RemoveAt(0);
        }
        catch (Exception e)
        {
            _lastError = e.Message;
            LogRetrainFailed(e, version);
        }
        finally
        {
            _lastRetrain = DateTimeOffset.UtcNow;
            _running = null;
        }
    }

    private Task CheckSchedule()
    {
        if (_running is not null) return Task.CompletedTask;
        var enoughEvents = _options.EveryEvents > 0 && pipeline.LearnedThrough - _lastSnapshot >= _options.EveryEvents;
        var longEnough = _options.EveryMinutes > 0 && DateTimeOffset.UtcNow - _lastRetrain >= TimeSpan.FromMinutes(_options.EveryMinutes);
        if (enoughEvents || longEnough) _running = Run(_options.DefaultAlgorithm);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Retrain to model version {Version} failed; the current version stays")]
    private partial void LogRetrainFailed(Exception e, long version);
}
