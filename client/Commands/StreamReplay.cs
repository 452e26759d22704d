using System.Diagnostics;
using OnlineRecs.Abstractions.Events;
using OnlineRecs.Client.Cluster;
using OnlineRecs.Core.Data;

namespace OnlineRecs.Client.Commands;

/// <summary>
/// Sends ratings in order as batches, with at most <paramref name="inFlight"/> unacknowledged at once, each batch
/// sent no earlier than <paramref name="rate"/> (events/s) allows; null means as fast as the cluster acknowledges, which
/// it does once a batch is durable, or with <paramref name="untilLearned"/> once the model has learned it. Run again,
/// it goes on at the same pace: the pace counts every event this replay has sent.
/// Before the first batch, one dry run per connection (<see cref="IClusterConnection.PrepareToIngest"/>) pays the first
/// batch's one-time costs outside the timing. A refused batch counts as errors and the replay goes on; a cluster that
/// stops answering ends it. The replay ends once the model has learned the last acknowledged event.
/// </summary>
internal sealed class StreamReplay(IClusterConnection connection, int batchSize, int inFlight, double? rate, bool untilLearned = false)
{
    private readonly Stopwatch _clock = new();
    private readonly List<double> _latenciesMs = [];
    private long _sent, _acknowledged, _errors, _lastSequence;
    private string? _firstError;
    private ClusterUnreachableException? _unreachable;

    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    public long Errors => Interlocked.Read(ref _errors);

    public TimeSpan Elapsed => _clock.Elapsed;

    public async Task<StreamSummary> Run(Rating[] ratings, CancellationToken cancellation)
    {
        using var slots = new SemaphoreSlim(inFlight);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var pending = new List<Task>();
        if (ratings.Length > 0) await connection.PrepareToIngest(Math.Min(batchSize, ratings.Length), cancellation);
        _clock.Start();
        for (var start = 0; start < ratings.Length; start += batchSize)
        {
            try
            {
                await slots.WaitAsync(stop.Token);
                if (rate is { } perSecond)
                {
                    var wait = TimeSpan.FromSeconds(_sent / perSecond) - _clock.Elapsed;
                    if (wait > TimeSpan.Zero) await Task.Delay(wait, stop.Token);
                }
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                break; // the cluster stopped answering; what is in flight finishes below
            }
            var events = Array.ConvertAll(ratings[start..Math.Min(start + batchSize, ratings.Length)],
                r => new RatingEvent(r.UserId, r.ItemId, r.Value, r.Timestamp));
            _sent += events.Length;
            pending.Add(Send(events, slots, stop));
        }
        await Task.WhenAll(pending);
        var acknowledgedSeconds = _clock.Elapsed.TotalSeconds;
        cancellation.ThrowIfCancellationRequested();
        if (_unreachable is not null) throw _unreachable;
        if (_lastSequence > 0) await connection.WhenLearned(_lastSequence, cancellation);
        _clock.Stop();
        return Summary(acknowledgedSeconds);
    }

    private async Task Send(RatingEvent[] events, SemaphoreSlim slots, CancellationTokenSource stop)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var receipt = await connection.Ingest(events, stop.Token, untilLearned);
            var latencyMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            lock (_latenciesMs) _latenciesMs.Add(latencyMs);
            Interlocked.Add(ref _acknowledged, receipt.Accepted);
            lock (_latenciesMs) _lastSequence = Math.Max(_lastSequence, receipt.LastSequence);
        }
        catch (ClusterUnreachableException e)
        {
            Interlocked.CompareExchange(ref _unreachable, e, null);
            await stop.CancelAsync();
        }
        catch (ClusterException e)
        {
            Interlocked.CompareExchange(ref _firstError, e.Message, null);
            Interlocked.Add(ref _errors, events.Length);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Given up with the rest of the replay: neither acknowledged nor refused.
        }
        finally
        {
            slots.Release();
        }
    }

    private StreamSummary Summary(double acknowledgedSeconds)
    {
        _latenciesMs.Sort();
        var seconds = _clock.Elapsed.TotalSeconds;
        return new StreamSummary(_sent, _acknowledged, _errors, acknowledgedSeconds, PerSecond(acknowledgedSeconds), PerSecond(seconds),
            Percentile(_latenciesMs, 0.50), Percentile(_latenciesMs, 0.99), _firstError);

        double PerSecond(double s) => s > 0 ? _acknowledged / s : 0;
    }

    /// <summary>Nearest rank on sorted values; zero when there are none.</summary>
    private static double Percentile(List<double> sorted, double share) =>
        sorted.Count == 0 ? 0 : sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Count) - 1)];
}
