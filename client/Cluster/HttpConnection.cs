using System.Net;
using System.Net.Http.Json;
using OnlineRecs.Abstractions.Events;
using OnlineRecs.Abstractions.Http;
using OnlineRecs.Abstractions.Retraining;
using OnlineRecs.Abstractions.Serving;

namespace OnlineRecs.Client.Cluster;

/// <summary>Uses the silo's HTTP API: what any producer or front end would use, with the cost of JSON and HTTP.</summary>
public sealed class HttpConnection(HttpClient http, int connections) : IClusterConnection
{
    private const string ApiKeyHeader = "X-Api-Key";

    public string Target => http.BaseAddress!.ToString();

    /// <summary>One client for the whole run, with a connection for each request it may have outstanding.</summary>
    public static HttpConnection Open(Uri baseAddress, string? apiKey, int connections)
    {
        connections = Math.Max(connections, 2);
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = baseAddress };
        if (apiKey is not null) http.DefaultRequestHeaders.Add(ApiKeyHeader, apiKey);
        return new HttpConnection(http, connections);
    }

    public async Task<IngestReceipt> Ingest(RatingEvent[] events, CancellationToken cancellation, bool untilLearned = false)
    {
        var response = await Send<IngestResponse>(Post(untilLearned ? "events?ack=learned" : "events", NdjsonContent.Of(events.Select(EventRecord.From))), cancellation);
        return new IngestReceipt(response!.Accepted, response.Positives, response.LastSequence);
    }

    /// <summary>As many dry runs at once as the client keeps connections, so that each is open before the first batch.</summary>
    public async Task PrepareToIngest(int batchSize, CancellationToken cancellation)
    {
        var sample = IngestCodecs.SampleBatch(batchSize);
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ =>
            Send<IngestResponse>(Post("events?dryRun=true", NdjsonContent.Of(sample.Select(EventRecord.From))), cancellation)));
    }

    /// <summary>Follows <c>GET /model</c>, whose last sequence is the model's learned end.</summary>
    public async Task WhenLearned(long sequence, CancellationToken cancellation)
    {
        while ((await Summary(cancellation)).LastSequence < sequence) await Task.Delay(5, cancellation);
    }

    public async Task<IngestReceipt> SetMetadata(EntityMetadata[] records, CancellationToken cancellation)
    {
        var response = await Send<IngestResponse>(Post("metadata", NdjsonContent.Of(records.Select(MetadataRecord.From))), cancellation);
        return new IngestReceipt(response!.Accepted, response.Positives, response.LastSequence);
    }

    public async Task<ScoredItems?> Recommend(int userId, RecommendationRequest request, CancellationToken cancellation)
    {
        var query = $"users/{userId}/recommendations?k={request.K}&excludeSeen={(request.ExcludeSeen ? "true" : "false")}";
        if (request.Feature is not null) query += $"&feature={Uri.EscapeDataString(request.Feature)}";
        var response = await Send<RecommendationsResponse>(new HttpRequestMessage(HttpMethod.Get, query), cancellation, notFoundIsNull: true);
        return response is null ? null : new ScoredItems(response.ModelVersion, response.Items);
    }

    public async Task<ScoredItems?> SimilarItems(int itemId, int k, CancellationToken cancellation)
    {
        var response = await Send<SimilarItemsResponse>(new HttpRequestMessage(HttpMethod.Get, $"items/{itemId}/similar?k={k}"), cancellation, notFoundIsNull: true);
        return response is null ? null : new ScoredItems(response.ModelVersion, response.Items);
    }

    public async Task<ScoredItems?> SimilarUsers(int userId, int k, CancellationToken cancellation)
    {
        var response = await Send<SimilarUsersResponse>(new HttpRequestMessage(HttpMethod.Get, $"users/{userId}/similar?k={k}"), cancellation, notFoundIsNull: true);
        return response is null ? null : new ScoredItems(response.ModelVersion, [.. response.Users.Select(u => new ItemScore(u.UserId, u.Score))]);
    }

    public async Task<ScoredItems> ColdStart(ColdStartProfile profile, int k, CancellationToken cancellation)
    {
        var body = new ColdStartRequest(profile.Gender, profile.Age, profile.Occupation, profile.Genres, profile.Features, k);
        var request = new HttpRequestMessage(HttpMethod.Post, "recommendations/cold-start") { Content = JsonContent.Create(body, options: ApiJson.Options) };
        var response = await Send<RecommendationsResponse>(request, cancellation);
        return new ScoredItems(response!.ModelVersion, response.Items);
    }

    public async Task<ModelSummary> Summary(CancellationToken cancellation) =>
        (await Send<ModelSummary>(new HttpRequestMessage(HttpMethod.Get, "model"), cancellation))!;

    public async Task<bool> StartRetrain(string? algorithm, CancellationToken cancellation)
    {
        var path = algorithm is null ? "admin/retrain" : $"admin/retrain?algorithm={Uri.EscapeDataString(algorithm)}";
        return await Send<RetrainStatus>(new HttpRequestMessage(HttpMethod.Post, path), cancellation, conflictIsNull: true) is not null;
    }

    public async Task<RetrainStatus> RetrainStatus(CancellationToken cancellation) =>
        (await Send<RetrainStatus>(new HttpRequestMessage(HttpMethod.Get, "admin/retrain"), cancellation))!;

    public ValueTask DisposeAsync()
    {
        http.Dispose();
        return ValueTask.CompletedTask;
    }

    private static HttpRequestMessage Post(string path, HttpContent content) => new(HttpMethod.Post, path) { Content = content };

    /// <summary>
    /// The answer, or null for a 404 when the caller treats it as "unknown" and for a 409 when it treats it as "busy";
    /// any other failure throws.
    /// </summary>
    private async Task<T?> Send<T>(HttpRequestMessage request, CancellationToken cancellation, bool notFoundIsNull = false,
        bool conflictIsNull = false) where T : class
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellation);
        }
        catch (HttpRequestException e)
        {
            throw new ClusterUnreachableException($"cannot reach {http.BaseAddress}: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellation.IsCancellationRequested)
        {
            throw new ClusterException($"{http.BaseAddress} did not answer within {http.Timeout.TotalSeconds:N0} s", e);
        }
        using (request)
        using (response)
        {
            if (notFoundIsNull && response.StatusCode == HttpStatusCode.NotFound) return null;
            if (conflictIsNull && response.StatusCode == HttpStatusCode.Conflict) return null;
            if (!response.IsSuccessStatusCode) throw new ClusterException(await ApiJson.Problem(response, cancellation));
            return await response.Content.ReadFromJsonAsync<T>(ApiJson.Options, cancellation)
                ?? throw new ClusterException($"{request.RequestUri} answered with an empty body");
        }
    }
}
