using Microsoft.Extensions.Configuration;
using OnlineRecs.Abstractions.Events;
using OnlineRecs.Abstractions.Grains;
using Microsoft.Extensions.DependencyInjection;
using OnlineRecs.Grains;
using OnlineRecs.Grains.Ingest;
using Orleans.TestingHost;

namespace OnlineRecs.Cluster.Tests;

/// <summary>A real one-silo cluster in this process, with the product's grains and event pipeline and a log in a fresh folder.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    // Without replays each test sees exactly what its own events do; ReplayedPositivesTests and the restart tests cover them.
    private static readonly Dictionary<string, string?> ExactEffects = new() { ["OnlineRecs:Learning:ReplaysPerPositive"] = "0" };

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "onlinerecs-tests", Guid.NewGuid().ToString("N"));

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public IIngestGrain Ingest => Grains.GetGrain<IIngestGrain>(0);

    public IModelIndexGrain Index => Grains.GetGrain<IModelIndexGrain>(0);

    /// <summary>The silo's event path itself, to hold its learner.</summary>
    public EventPipeline Pipeline => PipelineOf(Cluster);

    public static EventPipeline PipelineOf(InProcessTestCluster cluster) => cluster.Silos[0].SiloHost.Services.GetRequiredService<EventPipeline>();

    public async Task InitializeAsync() => Cluster = await Start(DataDirectory, ExactEffects);

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }

    /// <summary>
    /// Starts a cluster whose event log lives in <paramref name="dataDirectory"/>; an existing log is replayed. With more
    /// than one silo, each keeps its log in a folder of its own name there.
    /// </summary>
    public static async Task<InProcessTestCluster> Start(string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null,
        Action<ISiloBuilder>? configure = null, int silos = 1)
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: (short)silos);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((silo, siloBuilder) =>
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["OnlineRecs:Ingest:DataDirectory"] = silos == 1 ? dataDirectory : Path.Combine(dataDirectory, silo.SiloName),
                ["OnlineRecs:Learning:Factors"] = "16",
            }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
            siloBuilder.AddOnlineRecs(configuration);
            configure?.Invoke(siloBuilder);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    public static RatingEvent Event(int user, int item, float rating = 5f, long timestamp = 1) => new(user, item, rating, timestamp);
}
