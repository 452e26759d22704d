using OnlineRecs.Abstractions.Retraining;

namespace OnlineRecs.Abstractions.Grains;

/// <summary>
/// Runs full retrains (key 0): on demand, every N new events and every T minutes as configured. A retrain fits on
/// a snapshot of the event log in the background while ingest and queries go on, installs the new version
/// everywhere and re-applies the events that arrived meanwhile.
/// </summary>
public interface IRetrainCoordinatorGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Starts a retrain with <paramref name="algorithm"/> (<c>als</c>, <c>warp</c> or <c>bpr</c>; null for the configured
    /// one). False when one is already running.
    /// </summary>
    Task<bool> Start(string? algorithm);

    [Orleans.Concurrency.AlwaysInterleave]
    Task<RetrainStatus> Status();
}
