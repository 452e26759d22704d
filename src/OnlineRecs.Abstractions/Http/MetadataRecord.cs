using System.Text.Json.Serialization;
using OnlineRecs.Abstractions.Events;

namespace OnlineRecs.Abstractions.Http;

/// <summary>A metadata line of <c>POST /metadata</c>: <c>{"kind":"item","id":1,"features":["genre=Comedy"],"title":"Toy Story (1995)"}</c>.</summary>
public sealed record MetadataRecord(
    [property: JsonRequired] EntityKind Kind,
    [property: JsonRequired] long Id,
    [property: JsonRequired] string[] Features,
    string? Title = null)
{
    public EntityMetadata ToMetadata() => new(Kind, (int)Id, Features, Title);

    public static MetadataRecord From(EntityMetadata m) => new(m.Kind, m.Id, m.Features, m.Title);
}

/// <summary>The body of <c>PUT /users/{id}</c> and <c>PUT /items/{id}</c>.</summary>
public sealed record MetadataBody([property: JsonRequired] string[] Features, string? Title = null);
