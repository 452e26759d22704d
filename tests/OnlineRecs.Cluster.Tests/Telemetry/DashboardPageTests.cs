using System.Net;
using System.Text;
using Microsoft.Playwright;
using OnlineRecs.Cluster.Tests.EndToEnd;

namespace OnlineRecs.Cluster.Tests.Telemetry;

/// <summary>
/// The live training page in headless Chromium (Debian's, driven by Playwright) while a stream runs and a retrain
/// completes: every chart holds points, the event rate's points keep coming and their values move, and when the
/// silo dies the page says so. A screenshot is kept under artifacts/.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class DashboardPageTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "onlinerecs-dashboard", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task The_live_page_plots_points_that_move_while_a_stream_runs_and_says_when_the_silo_is_gone()
    {
        Assert.True(File.Exists(Chromium), $"The browser test drives Debian's Chromium at {Chromium}: apt-get install -y chromium (.ci/run does).");
        await using var silo = await SiloProcess.Start(_data, "--OnlineRecs:Telemetry:LiveEvaluationEvery", "1");
        using var http = new HttpClient { BaseAddress = silo.BaseAddress };
        using var stopStream = new CancellationTokenSource();
        var stream = Stream(http, stopStream.Token);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 } });
        await page.GotoAsync(new Uri(silo.BaseAddress, "/dashboard").ToString());

        await UntilPoints(page, "chart-events-per-second", 3);
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/admin/retrain?algorithm=als", null)).StatusCode);
        var rates = new List<string>();
        var counts = new List<int>();
        for (var sample = 0; sample < 6; sample++)
        {
            await Task.Delay(1000);
            counts.Add(await Points(page, "chart-events-per-second"));
            rates.Add(await page.EvalOnSelectorAsync<string>("#chart-events-per-second", "c => c.dataset.last"));
        }
        // The page polls once a second, so over five seconds it gains about five points.
        Assert.True(counts[^1] >= counts[0] + 3, $"the event-rate chart stopped gaining points: {string.Join(", ", counts)}");
        Assert.True(rates.Distinct().Count() > 1, $"the event rate never moved: {string.Join(", ", rates)}");
        foreach (var chart in new[] { "chart-online-loss", "chart-live-hit-rate", "chart-query-latency", "chart-model-version", "chart-retrain-history" })
            await UntilPoints(page, chart, 1);
        Assert.Equal("1", await page.EvalOnSelectorAsync<string>("#chart-model-version", "c => c.dataset.last"));
        Assert.Equal("online", await page.EvalOnSelectorAsync<string>("body", "b => b.dataset.state"));
        await Screenshot(page);

        await stopStream.CancelAsync();
        await stream;
        await silo.Kill();
        await page.WaitForSelectorAsync("body[data-state=offline]", new PageWaitForSelectorOptions { Timeout = 15_000 });
        Assert.True(await page.IsVisibleAsync("#connection"), "the page hides that the silo is unreachable");
        Assert.Contains("unreachable", await page.InnerTextAsync("#connection"));
    }

    /// <summary>Batches of 200 events and a few queries, every 100 ms, until stopped.</summary>
    private static async Task Stream(HttpClient http, CancellationToken stop)
    {
        var random = new Random(5);
        var sent = 0;
        while (!stop.IsCancellationRequested)
        {
            var lines = Enumerable.Range(0, 200).Select(_ =>
                $"{{\"userId\":{random.Next(300)},\"itemId\":{random.Next(500)},\"rating\":{random.Next(1, 6)},\"timestamp\":{sent++}}}");
            (await http.PostAsync("/events", new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson"))).EnsureSuccessStatusCode();
            for (var q = 0; q < 3; q++) await http.GetAsync($"/users/{random.Next(300)}/recommendations?k=10");
            await Task.Delay(100, CancellationToken.None);
        }
    }

    private static async Task<int> Points(IPage page, string chart) =>
        int.Parse(await page.EvalOnSelectorAsync<string>($"#{chart}", "c => c.dataset.points || '0'"));

    private static async Task UntilPoints(IPage page, string chart, int points)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await Points(page, chart) >= points) return;
            await Task.Delay(200);
        }
        throw new TimeoutException($"#{chart} never held {points} points");
    }

    private static async Task Screenshot(IPage page)
    {
        var folder = Path.Combine(DotnetCommand.Root, "artifacts");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "dashboard.png"), FullPage = true });
    }
}
