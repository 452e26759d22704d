using System.Net.Http.Json;
using System.Text.Json;
using OnlineRecs.Cluster.Tests.Telemetry;
using OnlineRecs.Core.Tests.Data;

namespace OnlineRecs.Cluster.Tests.EndToEnd;

/// <summary>
/// The whole product as a user runs it: the silo from the README's command, ml-latest-small streamed by the real
/// client, queries over HTTP, then SIGKILL and a restart that must bring back every acknowledged event and the
/// same answers; then SIGKILL in the middle of a retrain, which must leave the last completed version; then a
/// completed retrain, which a restart must bring back from its checkpoint.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class CrashRecoveryTests : IDisposable
{
    private const int MovieLensSmallRatings = 100_836;
    private static readonly int[] SampledUsers = [1, 68, 182, 414, 448, 600, 610];
    private readonly string _data = Path.Combine(Path.GetTempPath(), "onlinerecs-e2e", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task A_streamed_data_set_survives_sigkill_of_the_silo()
    {
        Dictionary<int, string> answers;
        long lastSequence;
        await using (var silo = await SiloProcess.Start(_data))
        {
            var metadata = await DotnetCommand.RunToEnd(TimeSpan.FromMinutes(5), "client",
                "metadata", "--data", SharedData.MovieLensSmallPath, "--url", silo.BaseAddress.ToString());
            Assert.True(metadata.ExitCode == 0, metadata.Describe());
            var stream = await DotnetCommand.RunToEnd(TimeSpan.FromMinutes(10), "client",
                "stream", "--data", SharedData.MovieLensSmallPath, "--gateway", silo.Gateway);
            Assert.True(stream.ExitCode == 0, stream.Describe());

            using var http = new HttpClient { BaseAddress = silo.BaseAddress };
            var model = await http.GetFromJsonAsync<JsonElement>("/model");
            Assert.Equal(MovieLensSmallRatings, model.GetProperty("eventsApplied").GetInt64());
            // The client sent a full batch as a dry run before its first events, and it was not logged (counted above).
            Assert.Equal(1_000, new PrometheusText(await http.GetStringAsync("/metrics")).Value("onlinerecs_events_validated_total"));
            lastSequence = model.GetProperty("lastSequence").GetInt64();
            answers = await Recommendations(http);
            Assert.All(answers.Values, a => Assert.Contains("\"title\"", a));

            var recommend = await DotnetCommand.RunToEnd(TimeSpan.FromMinutes(2), "client", "recommend", "--user", "1", "--gateway", silo.Gateway);
            Assert.True(recommend.ExitCode == 0, recommend.Describe());
            var firstTitle = JsonDocument.Parse(answers[1]).RootElement[0].GetProperty("title").GetString()!;
            Assert.Contains(firstTitle[..Math.Min(20, firstTitle.Length)], recommend.Output);

            await silo.Kill();
        }

        await using (var restarted = await SiloProcess.Start(_data))
        {
            using var again = new HttpClient { BaseAddress = restarted.BaseAddress };
            await AssertRestored(again, version: 0, lastSequence, answers);

            var start = await again.PostAsync("/admin/retrain?algorithm=warp", null);
            Assert.Equal(System.Net.HttpStatusCode.Accepted, start.StatusCode);
            await UntilTraining(again);
            await restarted.Kill();
        }

        Dictionary<int, string> retrained;
        await using (var afterMidRetrainKill = await SiloProcess.Start(_data))
        {
            using var http = new HttpClient { BaseAddress = afterMidRetrainKill.BaseAddress };
            await AssertRestored(http, version: 0, lastSequence, answers);

            var retrain = await DotnetCommand.RunToEnd(TimeSpan.FromMinutes(5), "client",
                "retrain", "--algorithm", "als", "--url", afterMidRetrainKill.BaseAddress.ToString());
            Assert.True(retrain.ExitCode == 0, retrain.Describe());
            var model = await http.GetFromJsonAsync<JsonElement>("/model");
            Assert.Equal(1, model.GetProperty("modelVersion").GetInt64());
            Assert.Equal(MovieLensSmallRatings, model.GetProperty("eventsApplied").GetInt64());
            retrained = await Recommendations(http);
            await afterMidRetrainKill.Kill();
        }

        await using var fromCheckpoint = await SiloProcess.Start(_data);
        using var last = new HttpClient { BaseAddress = fromCheckpoint.BaseAddress };
        await AssertRestored(last, version: 1, lastSequence, retrained);
    }

    private static async Task AssertRestored(HttpClient http, long version, long lastSequence, Dictionary<int, string> answers)
    {
        var restored = await http.GetFromJsonAsync<JsonElement>("/model");
        Assert.Equal(version, restored.GetProperty("modelVersion").GetInt64());
        Assert.Equal(MovieLensSmallRatings, restored.GetProperty("eventsApplied").GetInt64());
        Assert.Equal(lastSequence, restored.GetProperty("lastSequence").GetInt64());
        var after = await Recommendations(http);
        foreach (var user in SampledUsers) Assert.Equal(answers[user], after[user]);
    }

    /// <summary>Waits until the retrain is fitting (past its snapshot, before its checkpoint), the moment to kill it.</summary>
    private static async Task UntilTraining(HttpClient http)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            var status = await http.GetFromJsonAsync<JsonElement>("/admin/retrain");
            if (status.GetProperty("phase").GetString() == "training" && status.GetProperty("epoch").GetInt32() >= 1) return;
            await Task.Delay(10);
        }
        throw new TimeoutException("The retrain never reached its training phase.");
    }

    private static async Task<Dictionary<int, string>> Recommendations(HttpClient http)
    {
        var answers = new Dictionary<int, string>();
        foreach (var user in SampledUsers)
        {
            var json = await http.GetFromJsonAsync<JsonElement>($"/users/{user}/recommendations?k=10");
            answers[user] = json.GetProperty("items").GetRawText();
        }
        return answers;
    }
}
