using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OnlineRecs.Cluster.Tests.EndToEnd;

namespace OnlineRecs.Cluster.Tests.Telemetry;

/// <summary>
/// The real silo's <c>/metrics</c> after a short known workload: every instrument is there with the counts that were
/// sent, and every query of the Grafana dashboard names a metric the silo exports.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed partial class MetricsEndpointTests : IDisposable
{
    private const int Users = 60;
    private const int Items = 40;
    private const int Requests = 12;
    private const int EventsPerRequest = 100;
    private readonly string _data = Path.Combine(Path.GetTempPath(), "onlinerecs-metrics", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Metrics_carry_every_instrument_with_the_counts_sent_and_the_grafana_queries_name_exported_metrics()
    {
        await using var silo = await SiloProcess.Start(_data, "--OnlineRecs:Telemetry:LiveEvaluationEvery", "2");
        using var http = new HttpClient { BaseAddress = silo.BaseAddress };
        for (var request = 0; request < Requests; request++)
        {
            var events = Enumerable.Range(0, EventsPerRequest).Select(n => request * EventsPerRequest + n)
                .Select(n => $"{{\"userId\":{n % Users},\"itemId\":{(n / Users * 3 + n % Users) % Items},\"rating\":{(n % 5 == 0 ? 2 : 5)},\"timestamp\":{n}}}");
            Assert.Equal(HttpStatusCode.OK, (await PostEvents(http, string.Join('\n', events), "/events?ack=learned")).StatusCode); // one learning group each
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await PostEvents(http,
            "{\"userId\":1,\"itemId\":2,\"rating\":5}\n{\"userId\":1,\"itemId\":3,\"rating\":9}\n{\"userId\":2,\"itemId\":3,\"rating\":4}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostEvents(http, "{\"userId\":1,")).StatusCode);
        for (var user = 0; user < 7; user++) (await http.GetAsync($"/users/{user}/recommendations?k=10")).EnsureSuccessStatusCode();
        for (var item = 0; item < 2; item++) (await http.GetAsync($"/items/{item}/similar?k=5")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/admin/retrain?algorithm=als", null)).StatusCode);
        await UntilVersion(http, 1);

        var metrics = new PrometheusText(await http.GetStringAsync("/metrics"));

        Assert.Equal(Requests * EventsPerRequest, metrics.Value("onlinerecs_events_ingested_total"));
        Assert.Equal(3, metrics.Value("onlinerecs_events_rejected_total", ("reason", "invalid")));
        Assert.Equal(1, metrics.Value("onlinerecs_events_rejected_total", ("reason", "bad-request")));
        Assert.Equal(Requests, metrics.Value("onlinerecs_ingest_duration_seconds_count"));
        Assert.Equal(Requests, metrics.Value("onlinerecs_learning_duration_seconds_count"));
        Assert.InRange(metrics.Value("onlinerecs_ingest_duration_seconds_sum"), 1e-4, 60);
        Assert.Equal(7, metrics.Value("onlinerecs_query_duration_seconds_count", ("endpoint", "recommendations")));
        Assert.Equal(2, metrics.Value("onlinerecs_query_duration_seconds_count", ("endpoint", "similar-items")));
        Assert.InRange(metrics.Value("onlinerecs_online_loss"), 1e-6, 100);
        Assert.InRange(metrics.Value("onlinerecs_prequential_hit_rate"), 0, 1);
        Assert.InRange(metrics.Value("onlinerecs_prequential_evaluated_total"), 50, Requests * EventsPerRequest);
        Assert.Equal(1, metrics.Value("onlinerecs_model_version"));
        Assert.Equal(0, metrics.Value("onlinerecs_retrain_running"));
        Assert.Equal(15, metrics.Value("onlinerecs_retrain_epoch", ("algorithm", "als")));
        Assert.InRange(metrics.Value("onlinerecs_retrain_loss", ("algorithm", "als")), 1e-6, 100);
        Assert.Equal(1, metrics.Value("onlinerecs_retrain_duration_seconds_count", ("algorithm", "als")));
        Assert.Equal(Users, metrics.Value("onlinerecs_users_known"));
        Assert.Equal(Items, metrics.Value("onlinerecs_items_known"));
        Assert.Equal(Items, metrics.Value("onlinerecs_index_items"));
        Assert.Contains(metrics.Names, n => n.StartsWith("orleans_", StringComparison.Ordinal));
        // The runtime's own meter, where a latency tail from collections shows.
        Assert.InRange(metrics.Value("dotnet_gc_heap_total_allocated_bytes_total"), 1, double.MaxValue);
        Assert.Contains("dotnet_gc_pause_time_seconds_total", metrics.Names);

        var exported = metrics.Names.ToHashSet();
        var queried = GrafanaQueries().SelectMany(q => MetricName().Matches(q).Select(m => m.Value)).Distinct().ToArray();
        Assert.NotEmpty(queried);
        Assert.All(queried, name => Assert.True(exported.Contains(name), $"the Grafana dashboard queries {name}, which the silo does not export"));
    }

    private static Task<HttpResponseMessage> PostEvents(HttpClient http, string ndjson, string path = "/events") =>
        http.PostAsync(path, new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson"));

    private static async Task UntilVersion(HttpClient http, long version)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            var status = await http.GetFromJsonAsync<JsonElement>("/admin/retrain");
            if (status.GetProperty("phase").GetString() == "idle" && status.GetProperty("modelVersion").GetInt64() >= version) return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No model version {version} within a minute.");
    }

    /// <summary>Every PromQL expression in the Grafana dashboard shipped under deploy/.</summary>
    private static IEnumerable<string> GrafanaQueries()
    {
        var path = Path.Combine(DotnetCommand.Root, "deploy", "grafana", "onlinerecs-dashboard.json");
        using var dashboard = JsonDocument.Parse(File.ReadAllText(path));
        var found = new List<string>();
        Collect(dashboard.RootElement, found);
        return found;

        static void Collect(JsonElement element, List<string> into)
        {
            if (element.ValueKind == JsonValueKind.Object)
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "expr" && property.Value.ValueKind == JsonValueKind.String) into.Add(property.Value.GetString()!);
                    else Collect(property.Value, into);
                }
            else if (element.ValueKind == JsonValueKind.Array)
                foreach (var item in element.EnumerateArray()) Collect(item, into);
        }
    }

    [GeneratedRegex(@"\b(onlinerecs|orleans)_[a-z0-9_]+")]
    private static partial Regex MetricName();
}
