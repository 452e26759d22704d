using System.Net;
using System.Runtime;
using OnlineRecs.Grains;
using OnlineRecs.Silo;
using OnlineRecs.Silo.Api;
using OnlineRecs.Silo.Telemetry;

// A retrain allocates large arrays while queries are served: no blocking full collection unless memory runs short.
GCSettings.LatencyMode = GCLatencyMode.SustainedLowLatency;

// appsettings.json sits beside the binary, wherever the silo is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddCommandLine(args, SiloHostOptions.SwitchMappings);
var host = builder.Configuration.GetSection(SiloHostOptions.Section).Get<SiloHostOptions>() ?? new SiloHostOptions();

builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Listen(IPAddress.Parse(host.HttpAddress), host.HttpPort);
    kestrel.Limits.MaxRequestBodySize = host.MaxRequestBytes;
});
builder.UseOrleans(silo => silo
    .UseLocalhostClustering(host.SiloPort, host.GatewayPort)
    .AddOnlineRecs(builder.Configuration)
    .AddOnlineRecsTelemetry(builder.Configuration));
builder.Services.Configure<SiloHostOptions>(builder.Configuration.GetSection(SiloHostOptions.Section));
builder.Services.AddOnlineRecsApi();
builder.Services.AddOnlineRecsTelemetry(builder.Configuration);

var app = builder.Build();
app.MapOnlineRecsApi();
app.MapOnlineRecsTelemetry();
await app.RunAsync();
