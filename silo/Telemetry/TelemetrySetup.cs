using OnlineRecs.Grains.Telemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Dashboard;
using Orleans.Diagnostics;

namespace OnlineRecs.Silo.Telemetry;

/// <summary>
/// OpenTelemetry for the silo: the <c>OnlineRecs</c>, Orleans and .NET runtime (GC pauses, thread-pool queue) meters scraped at <c>/metrics</c>, and also sent by
/// OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, which also turns on traces from the <c>OnlineRecs</c> source,
/// Orleans grain calls and ASP.NET Core; nothing is written to the console. The Orleans dashboard is mounted
/// at <c>/dashboard/orleans</c>, timing grain methods only with <see cref="TelemetryOptions.ProfileGrainCalls"/>.
/// </summary>
public static class TelemetrySetup
{
    private const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static ISiloBuilder AddOnlineRecsTelemetry(this ISiloBuilder silo, IConfiguration configuration)
    {
        // Grain-call spans go where traces go; without an endpoint the propagation filter would only slow every call.
        if (SendsOtlp(configuration)) silo.AddActivityPropagation();
        silo.AddDashboard(o => o.HideTrace = true); // the live log stream would show every request to anyone who can reach the page
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!options.ProfileGrainCalls) RemoveDashboardProfiling(silo.Services);
        return silo;
    }

    /// <summary>The dashboard's per-call filter, known only by its type's name: the dashboard registers it and keeps the type internal.</summary>
    private static void RemoveDashboardProfiling(IServiceCollection services)
    {
        foreach (var filter in services.Where(s => s.ServiceType == typeof(IIncomingGrainCallFilter)
            && s.ImplementationType?.Name == "GrainProfilerFilter").ToArray())
            services.Remove(filter);
    }

    public static IServiceCollection AddOnlineRecsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = SendsOtlp(configuration);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("onlinerecs-silo"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(RecommenderMetrics.MeterName, "Microsoft.Orleans", "System.Runtime")
                    .AddPrometheusExporter(o => o.ScopeInfoEnabled = false);
                if (otlp) metrics.AddOtlpExporter();
            });
        // Spans are recorded only when there is somewhere to send them: a span for each of the thousands of grain calls
        // a group makes, kept by no one, cost ingest a fifth of its speed.
        if (otlp)
            telemetry.WithTracing(tracing => tracing
                .AddSource(RecommenderTracing.SourceName, ActivitySources.ApplicationGrainActivitySourceName, "Microsoft.AspNetCore")
                .AddOtlpExporter());
        return services;
    }

    private static bool SendsOtlp(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[OtlpEndpoint]);

    public static WebApplication MapOnlineRecsTelemetry(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapOrleansDashboard(routePrefix: "/dashboard/orleans");
        return app;
    }
}
