using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OnlineRecs.Grains.Ingest;
using OnlineRecs.Grains.Retraining;
using OnlineRecs.Grains.Telemetry;
using OnlineRecs.Grains.Users;

namespace OnlineRecs.Grains;

/// <summary>Everything a silo needs to host OnlineRecs, for the real silo and the test cluster alike.</summary>
public static class SiloBuilderExtensions
{
    public static ISiloBuilder AddOnlineRecs(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.AddMemoryGrainStorage(ModelStorage.Name);
        var services = silo.Services;
        services.AddOptions<OnlineLearningOptions>().Bind(configuration.GetSection(OnlineLearningOptions.Section))
            .Validate(o => { o.ToHybridOptions(); return true; });
        services.AddOptions<IngestOptions>().Bind(configuration.GetSection(IngestOptions.Section));
        services.AddOptions<RetrainOptions>().Bind(configuration.GetSection(RetrainOptions.Section))
            .Validate(o => { o.Validate(); return true; });
        services.AddSingleton<BatchLearning>();
        services.AddSingleton<CheckpointStore>();
        services.AddSingleton<ModelInstaller>();
        services.AddSingleton<ModelRetrainer>();
        services.AddSingleton<RetrainBoard>();
        services.AddSingleton<RecommenderMetrics>();
        services.AddSingleton<LiveEvaluation>();
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.Section));
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, RetrainSchedule>();
        services.AddSingleton<UnlearnedAcknowledgements>();
        services.AddSingleton<ClusterAcknowledgements>();
        silo.AddGrainService<SiloAcknowledgements>();
        services.AddSingleton<EventPipeline>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<EventPipeline>());
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, EventPathWarmUp>();
        return silo;
    }
}
