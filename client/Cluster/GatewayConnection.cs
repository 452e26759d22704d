using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OnlineRecs.Abstractions.Events;
using OnlineRecs.Abstractions.Retraining;
using OnlineRecs.Abstractions.Grains;
using OnlineRecs.Abstractions.Serving;
using Orleans.Runtime.Messaging;

namespace OnlineRecs.Client.Cluster;

/// <summary>Calls the grains through an Orleans gateway: the fastest way in, with no HTTP or JSON on the way.</summary>
public sealed class GatewayConnection(IHost host, IPEndPoint gateway) : IClusterConnection
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    private readonly IClusterClient _client = host.Services.GetRequiredService<IClusterClient>();

    public string Target => $"gateway {gateway}";

    public static async Task<GatewayConnection> Open(IPEndPoint gateway, CancellationToken cancellation)
    {
        // No defaults: a CLI should not pick up appsettings.json or DOTNET_ variables from wherever it is run.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        // Orleans narrates its connections at Information; keep only trouble, and on stderr, clear of tables and progress bars.
        // Failed connections, unreadable answers and a failed start end as one error line, so their own logs and stack traces stay out.
        builder.Logging.SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Orleans.Runtime.Messaging", LogLevel.Critical)
            .AddFilter("Orleans.Messaging", LogLevel.Critical)
            .AddFilter("Microsoft.Extensions.Hosting", LogLevel.None)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton<IHostLifetime, CommandLineLifetime>();
        builder.UseOrleansClient(client => client.UseStaticClustering(gateway));
        var host = builder.Build();
        // Orleans keeps retrying a gateway that refuses for minutes; a CLI should say so sooner.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(ConnectTimeout);
        try
        {
            await host.StartAsync(deadline.Token);
        }
        catch (Exception e) when (!cancellation.IsCancellationRequested)
        {
            host.Dispose();
            var reason = deadline.IsCancellationRequested ? $"no connection within {ConnectTimeout.TotalSeconds:N0} s" : e.Message;
            throw new ClusterUnreachableException($"cannot reach the Orleans gateway at {gateway}: {reason}", e);
        }
        return new GatewayConnection(host, gateway);
    }

    public Task<IngestReceipt> Ingest(RatingEvent[] events, CancellationToken cancellation, bool untilLearned = false) =>
        Call(() => untilLearned ? _client.GetGrain<IIngestGrain>(0).IngestLearned(events) : _client.GetGrain<IIngestGrain>(0).Ingest(events), cancellation);

    /// <summary>One connection carries every call; a dry run compiles the codecs and the call path for a batch of this size.</summary>
    public Task PrepareToIngest(int batchSize, CancellationToken cancellation) =>
        Call(() => _client.GetGrain<IIngestGrain>(0).Validate(IngestCodecs.SampleBatch(batchSize)), cancellation);

    public Task<IngestReceipt> SetMetadata(EntityMetadata[] records, CancellationToken cancellation) =>
        Call(() => _client.GetGrain<IIngestGrain>(0).SetMetadata(records), cancellation);

    public Task WhenLearned(long sequence, CancellationToken cancellation) =>
        Call(async () => { await _client.GetGrain<IIngestGrain>(0).WhenLearned(sequence); return true; }, cancellation);

    public Task<ScoredItems?> Recommend(int userId, RecommendationRequest request, CancellationToken cancellation) =>
        Call(() => _client.GetGrain<IUserGrain>(userId).Recommend(request), cancellation);

    public Task<ScoredItems?> SimilarItems(int itemId, int k, CancellationToken cancellation) =>
        Call(() => _client.GetGrain<IModelIndexGrain>(0).SimilarItems(itemId, k), cancellation);

    public Task<ScoredItems?> SimilarUsers(int userId, int k, CancellationToken cancellation) =>
        Call(() => _client.GetGrain<IModelIndexGrain>(0).SimilarUsers(userId, k), cancellation);

    public Task<ScoredItems> ColdStart(ColdStartProfile profile, int k, CancellationToken cancellation) =>
        Call(() => _client.GetGrain<IModelIndexGrain>(0).ColdStart(profile.ToQuery(k)), cancellation);

    public Task<ModelSummary> Summary(CancellationToken cancellation) =>
        Call(() => _client.GetGrain<IIngestGrain>(0).Summary(), cancellation);

    public Task<bool> StartRetrain(string? algorithm, CancellationToken cancellation) =>
        Call(() => _client.GetGrain<IRetrainCoordinatorGrain>(0).Start(algorithm), cancellation);

    public Task<RetrainStatus> RetrainStatus(CancellationToken cancellation) =>
        Call(() => _client.GetGrain<IRetrainCoordinatorGrain>(0).Status(), cancellation);

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    private async Task<T> Call<T>(Func<Task<T>> call, CancellationToken cancellation)
    {
        try
        {
            return await call().WaitAsync(cancellation);
        }
        catch (Exception e) when (e is OrleansMessageRejectionException or ConnectionFailedException)
        {
            throw new ClusterUnreachableException($"lost the Orleans gateway at {gateway}: {e.Message}", e);
        }
        catch (TypeLoadException e) when (!cancellation.IsCancellationRequested)
        {
            // The silo threw an exception type only it has, so Orleans could not rebuild the answer here and the silo's reason is lost.
            throw new ClusterException($"the silo refused the request, with an exception this client cannot load ({e.Message}); --url reports why", e);
        }
        catch (Exception e) when (!cancellation.IsCancellationRequested)
        {
            // Bad input comes back as the silo's exception, as far as the client can rebuild its type; the message says what was wrong.
            throw new ClusterException(e.Message, e);
        }
    }

    /// <summary>Leaves Ctrl+C to the command line: the console lifetime would swallow it to stop a host that nothing waits on.</summary>
    private sealed class CommandLineLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
