using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace OnlineRecs.Cluster.Tests.EndToEnd;

/// <summary>The silo's own HTTP API, started as a user starts it (here with an API key), fed bad input of every kind.</summary>
public sealed class SiloWithApiKey : IAsyncLifetime
{
    public const string Key = "test-key";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "onlinerecs-http", Guid.NewGuid().ToString("N"));

    public SiloProcess Silo { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Silo = await SiloProcess.Start(_data, "--api-key", Key);
        Http = new HttpClient { BaseAddress = Silo.BaseAddress };
        Http.DefaultRequestHeaders.Add("X-Api-Key", Key);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Silo.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }
}

[Trait("Category", "EndToEnd")]
public sealed class HttpApiTests(SiloWithApiKey fixture) : IClassFixture<SiloWithApiKey>
{
    private HttpClient Http => fixture.Http;

    public static TheoryData<string, string, string> BadEventBodies => new()
    {
        { "malformed JSON", "application/json", "{\"userId\":1,\"itemId\":" },
        { "unknown field", "application/json", "{\"userId\":1,\"itemId\":2,\"rating\":4,\"mood\":\"happy\"}" },
        { "missing rating", "application/json", "{\"userId\":1,\"itemId\":2}" },
        { "null user id", "application/json", "{\"userId\":null,\"itemId\":2,\"rating\":4}" },
        { "NaN rating", "application/json", "{\"userId\":1,\"itemId\":2,\"rating\":NaN}" },
        { "rating as a string", "application/json", "{\"userId\":1,\"itemId\":2,\"rating\":\"NaN\"}" },
        { "rating too high", "application/json", "{\"userId\":1,\"itemId\":2,\"rating\":6}" },
        { "infinite rating", "application/json", "{\"userId\":1,\"itemId\":2,\"rating\":1e999}" },
        { "negative rating", "application/json", "{\"userId\":1,\"itemId\":2,\"rating\":-0.5}" },
        { "user id out of range", "application/json", "{\"userId\":99999999999,\"itemId\":2,\"rating\":4}" },
        { "negative item id", "application/json", "{\"userId\":1,\"itemId\":-2,\"rating\":4}" },
        { "one bad NDJSON line", "application/x-ndjson", "{\"userId\":1,\"itemId\":2,\"rating\":4}\n{\"userId\":1,\"itemId\":3,\"rating\":9}\n" },
        { "empty body", "application/json", "" },
    };

    [Theory]
    [MemberData(nameof(BadEventBodies))]
    public async Task Bad_events_get_a_400_problem_and_change_nothing(string why, string contentType, string body)
    {
        var before = await Model();

        var response = await Http.PostAsync("/events", new StringContent(body, Encoding.UTF8, contentType));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {response.StatusCode}");
        await AssertProblem(response);
        Assert.Equal(before.GetProperty("eventsApplied").GetInt64(), (await Model()).GetProperty("eventsApplied").GetInt64());
    }

    [Theory]
    [InlineData("{\"userId\":1,\"itemId\":2,\"rating\":4}\n{\"userId\":1,\"itemId\":", "Line 2 is not valid")]
    [InlineData("{\"userId\":1,\"itemId\":2,\"rating\":4}\n{\"userId\":1,\"itemId\":3,\"rating\":4}\n{\"userId\":3000000000,\"itemId\":4,\"rating\":4}",
        "Event 3: userId 3000000000 is outside")]
    [InlineData("{\"userId\":1,\"itemId\":2,\"rating\":4}\n{\"userId\":1,\"itemId\":-3,\"rating\":4}", "Event 2: itemId -3 is outside")]
    public async Task A_bad_ndjson_line_or_id_is_named_by_its_position(string body, string named)
    {
        var response = await Http.PostAsync("/events", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(named, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unknown_ack_gets_a_400_problem_and_changes_nothing_while_ack_learned_answers_once_learned()
    {
        var @event = "{\"userId\":90,\"itemId\":900,\"rating\":5}";
        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync("/events?ack=learned", new StringContent(@event, Encoding.UTF8, "application/json"))).StatusCode);
        var before = (await Model()).GetProperty("eventsApplied").GetInt64(); // all earlier events are learned by now

        var refused = await Http.PostAsync("/events?ack=soon", new StringContent(@event, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        await AssertProblem(refused);

        var learned = await Http.PostAsync("/events?ack=learned", new StringContent(@event, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, learned.StatusCode);
        Assert.Equal(before + 1, (await Model()).GetProperty("eventsApplied").GetInt64());
    }

    [Fact]
    public async Task A_dry_run_is_checked_and_counted_but_never_logged()
    {
        await LearnedEvent(95, 1); // every earlier event is learned by now
        var before = (await Model()).GetProperty("eventsApplied").GetInt64();
        var events = "{\"userId\":94,\"itemId\":1,\"rating\":5}\n{\"userId\":94,\"itemId\":2,\"rating\":1}\n";

        var checkedOnly = await Http.PostAsync("/events?dryRun=true", new StringContent(events, Encoding.UTF8, "application/x-ndjson"));
        var refused = await Http.PostAsync("/events?dryRun=true", new StringContent("{\"userId\":94,\"itemId\":3,\"rating\":7}", Encoding.UTF8, "application/json"));
        var badFlag = await Http.PostAsync("/events?dryRun=maybe", new StringContent(events, Encoding.UTF8, "application/x-ndjson"));

        Assert.Equal(HttpStatusCode.OK, checkedOnly.StatusCode);
        var answer = await checkedOnly.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2, 1, 0L), (answer.GetProperty("accepted").GetInt32(), answer.GetProperty("positives").GetInt32(), answer.GetProperty("lastSequence").GetInt64()));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        await AssertProblem(refused);
        Assert.Equal(HttpStatusCode.BadRequest, badFlag.StatusCode);
        await AssertProblem(badFlag);
        // Logged, the dry run's events would come before this one and be learned with it.
        await LearnedEvent(95, 2);
        Assert.Equal(before + 1, (await Model()).GetProperty("eventsApplied").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("/users/94/recommendations")).StatusCode);

        async Task LearnedEvent(int user, int item)
        {
            var body = $"{{\"userId\":{user},\"itemId\":{item},\"rating\":5}}";
            Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync("/events?ack=learned", new StringContent(body, Encoding.UTF8, "application/json"))).StatusCode);
        }
    }

    [Fact]
    public async Task Arrays_ndjson_with_crlf_and_blank_lines_and_a_byte_order_mark_are_read_and_invalid_utf8_is_refused()
    {
        var before = (await Model()).GetProperty("eventsApplied").GetInt64();
        byte[] bom = [0xEF, 0xBB, 0xBF];
        var array = Encoding.UTF8.GetBytes(" [{\"userId\":91,\"itemId\":1,\"rating\":4},{\"userId\":91,\"itemId\":2,\"rating\":3}]");
        var ndjson = Encoding.UTF8.GetBytes("{\"userId\":92,\"itemId\":1,\"rating\":4}\r\n\r\n  \n{\"userId\":92,\"itemId\":2,\"rating\":5}");

        Assert.Equal(2, await Accepted(array, "application/json"));
        Assert.Equal(2, await Accepted([.. bom, .. ndjson], "application/x-ndjson"));

        byte[] invalid = [.. "{\"userId\":93,\"itemId\":1,\"rating\":4,\"weight\":\""u8.ToArray(), 0xFF, .. "\"}"u8.ToArray()];
        var refused = await Http.PostAsync("/events", Body(invalid, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        await AssertProblem(refused);
        Assert.Equal(before + 4, (await Model()).GetProperty("eventsApplied").GetInt64());

        async Task<int> Accepted(byte[] body, string type)
        {
            var response = await Http.PostAsync("/events?ack=learned", Body(body, type));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32();
        }

        static ByteArrayContent Body(byte[] bytes, string type) => new(bytes) { Headers = { ContentType = new(type) } };
    }

    [Fact]
    public async Task More_than_ten_thousand_events_or_an_oversized_body_are_refused()
    {
        var lines = string.Concat(Enumerable.Range(0, 10_001).Select(n => $"{{\"userId\":1,\"itemId\":{n},\"rating\":4}}\n"));
        var tooMany = await Http.PostAsync("/events", new StringContent(lines, Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        await AssertProblem(tooMany);

        // Announce a body over the limit: the silo answers before reading it.
        using var socket = new System.Net.Sockets.TcpClient("127.0.0.1", fixture.Silo.HttpPort);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /events HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: {SiloWithApiKey.Key}\r\nContent-Type: application/json\r\nContent-Length: {9 << 20}\r\n\r\n{{"));
        var answer = new byte[64];
        var read = await stream.ReadAsync(answer);
        Assert.StartsWith("HTTP/1.1 413", Encoding.ASCII.GetString(answer, 0, read));
    }

    [Theory]
    [InlineData("/users/1/recommendations?k=0")]
    [InlineData("/users/1/recommendations?k=100000")]
    [InlineData("/users/1/recommendations?k=ten")]
    [InlineData("/users/-1/recommendations")]
    [InlineData("/users/abc/recommendations")]
    [InlineData("/users/1/recommendations?excludeSeen=maybe")]
    [InlineData("/users/1/recommendations?feature=genre")]
    [InlineData("/items/99999999999/similar")]
    public async Task Bad_query_parameters_get_a_400_problem(string path)
    {
        var response = await Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertProblem(response);
    }

    [Fact]
    public async Task Writes_need_the_api_key_when_one_is_configured()
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.Silo.BaseAddress };

        var response = await anonymous.PostAsync("/events", JsonContent.Create(new { userId = 1, itemId = 2, rating = 4 }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertProblem(response);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/model")).StatusCode);
    }

    [Fact]
    public async Task Events_metadata_and_queries_round_trip_over_http()
    {
        Assert.Equal(HttpStatusCode.OK, (await Http.PutAsJsonAsync("/items/501", new { features = new[] { "genre=Comedy" }, title = "Laughs" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.PutAsJsonAsync("/users/77", new { features = new[] { "gender=F" } })).StatusCode);
        var ndjson = string.Concat(Enumerable.Range(500, 10).Select(i => $"{{\"userId\":76,\"itemId\":{i},\"rating\":5,\"timestamp\":{i}}}\n"));
        var ingest = await Http.PostAsync("/events", new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
        Assert.Equal(10, (await ingest.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsJsonAsync("/events", new { userId = 77, itemId = 503, rating = 4.5 })).StatusCode);

        var recommended = await Http.GetFromJsonAsync<JsonElement>("/users/77/recommendations?k=20&feature=genre:Comedy");
        Assert.Equal(77, recommended.GetProperty("userId").GetInt32());
        var items = recommended.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal([501], items.Select(i => i.GetProperty("itemId").GetInt32()));
        Assert.Equal("Laughs", items[0].GetProperty("title").GetString());

        var similar = await Http.GetFromJsonAsync<JsonElement>("/items/501/similar?k=3");
        Assert.Equal(3, similar.GetProperty("items").GetArrayLength());
        var coldStart = await Http.PostAsJsonAsync("/recommendations/cold-start", new { gender = "F", age = 30, genres = new[] { "Comedy" }, k = 5 });
        Assert.Equal(HttpStatusCode.OK, coldStart.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("/users/123456/recommendations")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("/items/123456/similar")).StatusCode);
        var openApi = await Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/events", out _));
    }

    [Fact]
    public async Task The_orleans_dashboard_is_served_without_timing_every_grain_call()
    {
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/dashboard/orleans/")).StatusCode);
        await Http.GetStringAsync("/dashboard/orleans/TopGrainMethods"); // a dashboard query is what turns its profiler on
        var events = string.Concat(Enumerable.Range(600, 20).Select(i => $"{{\"userId\":78,\"itemId\":{i},\"rating\":5}}\n"));
        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync("/events", new StringContent(events, Encoding.UTF8, "application/x-ndjson"))).StatusCode);
        await Http.GetStringAsync("/users/78/recommendations");

        await Task.Delay(TimeSpan.FromSeconds(2.5)); // the profiler reports once a second
        var methods = await Http.GetFromJsonAsync<JsonElement>("/dashboard/orleans/TopGrainMethods");
        Assert.Equal(0, methods.GetProperty("calls").GetArrayLength());
    }

    private async Task<JsonElement> Model() => await Http.GetFromJsonAsync<JsonElement>("/model");

    private static async Task AssertProblem(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }
}
