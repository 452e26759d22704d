using System.Text.Json;

namespace OnlineRecs.Cluster.Tests.EndToEnd;

/// <summary>
/// PROTOCOL.md §4 against the live cluster with the real client, on a synthetic stream with planted structure:
/// learning from the replayed events must beat a frozen model that only marks them seen.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class PrequentialTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "onlinerecs-prequential", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Online_learning_through_the_cluster_beats_the_frozen_model()
    {
        var data = Path.Combine(_root, "synthetic");
        var generate = await DotnetCommand.RunToEnd(TimeSpan.FromMinutes(2), "client",
            "generate", "--out", data, "--users", "200", "--items", "300", "--interactions", "6000");
        Assert.True(generate.ExitCode == 0, generate.Describe());

        var frozen = await HitRate(data, "frozen");
        var online = await HitRate(data, "online");

        Assert.True(frozen.Evaluated > 500, $"only {frozen.Evaluated} events were evaluated");
        Assert.Equal(frozen.Evaluated, online.Evaluated);
        Assert.True(online.HitRate > frozen.HitRate, $"online HR@10 {online.HitRate:F4} does not beat frozen {frozen.HitRate:F4}");
    }

    /// <summary>Runs the protocol in one mode against a fresh silo and reads its JSON result.</summary>
    private async Task<(double HitRate, int Evaluated)> HitRate(string data, string mode)
    {
        var json = Path.Combine(_root, $"{mode}.json");
        await using var silo = await SiloProcess.Start(Path.Combine(_root, mode));
        var eval = await DotnetCommand.RunToEnd(TimeSpan.FromMinutes(5), "client",
            "eval", "--protocol", "prequential", "--mode", mode, "--data", data, "--target", silo.BaseAddress.ToString(), "--json", json);
        Assert.True(eval.ExitCode == 0, eval.Describe());
        var result = JsonDocument.Parse(await File.ReadAllTextAsync(json)).RootElement;
        return (result.GetProperty("hr_at_10").GetDouble(), result.GetProperty("evaluated_events").GetInt32());
    }
}
