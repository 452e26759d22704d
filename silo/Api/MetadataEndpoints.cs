using Microsoft.Extensions.Options;
using OnlineRecs.Abstractions.Events;
using OnlineRecs.Abstractions.Http;
using OnlineRecs.Grains.Ingest;

namespace OnlineRecs.Silo.Api;

/// <summary>Metadata writes, logged like events: <c>PUT /users/{id}</c>, <c>PUT /items/{id}</c>, and bulk <c>POST /metadata</c>.</summary>
public static class MetadataEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPut("/users/{id}", (string id, HttpRequest request, EventPipeline pipeline, CancellationToken cancellation) =>
                Put(EntityKind.User, id, request, pipeline, cancellation))
            .AddEndpointFilter<ApiKeyFilter>().Accepts<MetadataBody>("application/json").Produces<IngestResponse>()
            .WithSummary("Set a user's metadata features");
        app.MapPut("/items/{id}", (string id, HttpRequest request, EventPipeline pipeline, CancellationToken cancellation) =>
                Put(EntityKind.Item, id, request, pipeline, cancellation))
            .AddEndpointFilter<ApiKeyFilter>().Accepts<MetadataBody>("application/json").Produces<IngestResponse>()
            .WithSummary("Set an item's metadata features and title");
        app.MapPost("/metadata", Bulk)
            .AddEndpointFilter<ApiKeyFilter>().Accepts<MetadataRecord>("application/json", StrictJson.NdjsonType).Produces<IngestResponse>()
            .WithSummary("Set metadata of many users and items");
    }

    private static async Task<IngestResponse> Put(EntityKind kind, string idText, HttpRequest request, EventPipeline pipeline,
        CancellationToken cancellation)
    {
        var id = QueryParameters.Id(idText, $"{kind} id");
        var body = await StrictJson.ReadObject<MetadataBody>(request, cancellation);
        if (kind == EntityKind.User && body.Title is not null) throw new InvalidInputException("Users have no title.");
        var receipt = await pipeline.SetMetadata([new EntityMetadata(kind, id, body.Features, body.Title)], cancellation);
        return new IngestResponse(receipt.Accepted, 0, receipt.LastSequence);
    }

    private static async Task<IngestResponse> Bulk(HttpRequest request, EventPipeline pipeline, IOptions<IngestOptions> options,
        CancellationToken cancellation)
    {
        var records = await StrictJson.ReadRecords<MetadataRecord>(request, options.Value.MaxEventsPerRequest, cancellation);
        foreach (var r in records) InputValidation.CheckId(r.Id, $"{r.Kind} id");
        var receipt = await pipeline.SetMetadata([.. records.Select(r => r.ToMetadata())], cancellation);
        return new IngestResponse(receipt.Accepted, 0, receipt.LastSequence);
    }
}
