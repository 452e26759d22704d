using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OnlineRecs.Abstractions.Events;
using OnlineRecs.Abstractions.Grains;
using OnlineRecs.Core.Hybrid;
using Orleans.Serialization;

namespace OnlineRecs.Grains.Ingest;

/// <summary>
/// Does the event path's first-time work as the silo starts, before it takes traffic, so that its first events do not
/// wait for it: in a fresh silo the first acknowledgements took 150-200 ms, most of it compiling code and activating
/// the first user grains. It compiles the product's own code, activates the silo's ingest worker, activates a user
/// grain that no event can name (<see cref="ReservedUserId"/>) and asks the cluster what it must wait for, and round-trips a batch and its
/// receipt through the serializer that gateway requests take. It changes no model state.
/// </summary>
public sealed partial class EventPathWarmUp(
    IGrainFactory grains, Serializer serializer, IOptions<IngestOptions> options, ILogger<EventPathWarmUp> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>Events name ids of 0 and up (<see cref="InputValidation.CheckId"/>), so this user never learns anything.</summary>
    public const int ReservedUserId = -1;

    public void Participate(ISiloLifecycle lifecycle)
    {
        if (options.Value.WarmUpOnStart) lifecycle.Subscribe(nameof(EventPathWarmUp), ServiceLifecycleStage.Active + 1, WarmUp);
    }

    private async Task WarmUp(CancellationToken cancellation)
    {
        var started = Stopwatch.GetTimestamp();
        // The product's own code: grains, core, and the messages with their generated codecs.
        var compiled = await Task.Run(() => AheadOfUseCompilation.Compile(
            typeof(EventPathWarmUp).Assembly, typeof(HybridOptions).Assembly, typeof(RatingEvent).Assembly), cancellation);
        IngestCodecs.Compile(serializer);
        await grains.GetGrain<IIngestGrain>(0).Summary();
        await grains.GetGrain<IUserGrain>(ReservedUserId).Snapshot();
        LogWarmedUp(compiled, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warmed up the event path ({Methods} methods compiled) in {Milliseconds:F0} ms")]
    private partial void LogWarmedUp(int methods, double milliseconds);
}
