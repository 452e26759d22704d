using Microsoft.Extensions.Options;
using OnlineRecs.Abstractions.Grains;

namespace OnlineRecs.Grains.Retraining;

/// <summary>Wakes the coordinator once the silo is up when retrains are scheduled, so its timer runs without a first request.</summary>
public sealed class RetrainSchedule(IGrainFactory grains, IOptions<RetrainOptions> options) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(RetrainSchedule), ServiceLifecycleStage.Active + 1, Wake);

    private Task Wake(CancellationToken cancellation) =>
        options.Value.Scheduled ? grains.GetGrain<IRetrainCoordinatorGrain>(0).Status() : Task.CompletedTask;
}
