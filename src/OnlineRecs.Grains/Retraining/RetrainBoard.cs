using System.Diagnostics;
using OnlineRecs.Abstractions.Retraining;
using OnlineRecs.Core.Retraining;

namespace OnlineRecs.Grains.Retraining;

/// <summary>The running retrain's progress: written by the training thread, read by status queries and telemetry.</summary>
public sealed class RetrainBoard
{
    private readonly Lock _lock = new();
    private readonly List<double> _losses = [];
    private RetrainPhase _phase;
    private RetrainAlgorithm? _algorithm;
    private int _epoch;
    private int _epochs;
    private long _started;

    public void Begin(RetrainAlgorithm algorithm, int epochs)
    {
        lock (_lock)
        {
            (_phase, _algorithm, _epoch, _epochs, _started) = (RetrainPhase.Snapshot, algorithm, 0, epochs, Stopwatch.GetTimestamp());
            _losses.Clear();
        }
    }

    public void Enter(RetrainPhase phase)
    {
        lock (_lock) _phase = phase;
    }

    public void Report(RetrainProgress progress)
    {
        lock (_lock)
        {
            (_epoch, _epochs) = (progress.Epoch, progress.Epochs);
            _losses.Add(progress.Loss);
        }
    }

    /// <summary>Back to idle; the epoch and losses stay as the latest retrain left them.</summary>
    public void End()
    {
        lock (_lock) _phase = RetrainPhase.Idle;
    }

    /// <summary>The running or else the last retrain's algorithm, epoch and last epoch loss; null before the first.</summary>
    public (string Algorithm, int Epoch, double? Loss)? Latest()
    {
        lock (_lock) return _algorithm is { } a ? (a.Name(), _epoch, _losses.Count == 0 ? null : _losses[^1]) : null;
    }

    public bool Running
    {
        get { lock (_lock) return _phase != RetrainPhase.Idle; }
    }

    public double ElapsedSeconds
    {
        get { lock (_lock) return _phase == RetrainPhase.Idle ? 0 : Stopwatch.GetElapsedTime(_started).TotalSeconds; }
    }

    public RetrainStatus Status(long modelVersion, RetrainRecord[] history, string? lastError)
    {
        lock (_lock)
        {
            if (_phase == RetrainPhase.Idle) return new RetrainStatus(_phase, null, 0, 0, null, 0, modelVersion, history, lastError);
            return new RetrainStatus(_phase, _algorithm?.Name(), _epoch, _epochs, _losses.Count == 0 ? null : _losses[^1],
                Stopwatch.GetElapsedTime(_started).TotalSeconds, modelVersion, history, lastError);
        }
    }
}
