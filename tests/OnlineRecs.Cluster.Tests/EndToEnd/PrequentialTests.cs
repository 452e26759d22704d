using System.Text.Json;

namespace OnlineRecs.Cluster.Tests.EndToEnd;

/// <summary>
/// PROTOCOL.md §4 against the live cluster with the real client, on a stream with known structure: users fall into
/// four taste clusters and arrive one after another, so the users of the replayed half are new to the initial
/// model. Learning from their events must beat a frozen model that only marks them seen.
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
        var data = WriteStream();

        var frozen = await HitRate(data, "frozen");
        var online = await HitRate(data, "online");

        Assert.True(frozen.Evaluated > 800, $"only {frozen.Evaluated} events were evaluated");
        Assert.Equal(frozen.Evaluated, online.Evaluated);
        // A new user's first positives place it in its cluster, so online learning should far outdo popularity (~0.9 against ~0.2).
        Assert.True(online.HitRate > 2 * frozen.HitRate, $"online HR@10 {online.HitRate:F4} does not double frozen {frozen.HitRate:F4}");
    }

    /// <summary>
    /// user,item,rating,timestamp: 200 users in turn, each rating 12 items of its own cluster 5 and 3 of others 1;
    /// item i + 1 belongs to cluster i mod 4.
    /// </summary>
    private string WriteStream()
    {
        const int clusters = 4, items = 60;
        var random = new Random(11);
        var lines = new List<string>();
        for (var user = 1; user <= 200; user++)
        {
            var own = Enumerable.Range(0, items).Where(i => i % clusters == user % clusters).OrderBy(_ => random.Next()).Take(12);
            var other = Enumerable.Range(0, items).Where(i => i % clusters != user % clusters).OrderBy(_ => random.Next()).Take(3);
            var rated = own.Select(i => (Item: i, Rating: 5)).Concat(other.Select(i => (Item: i, Rating: 1))).OrderBy(_ => random.Next()).ToArray();
            for (var n = 0; n < rated.Length; n++) lines.Add($"{user},{rated[n].Item + 1},{rated[n].Rating},{user * 100 + n}");
        }
        Directory.CreateDirectory(_root);
        var path = Path.Combine(_root, "stream.csv");
        File.WriteAllLines(path, lines);
        return path;
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
