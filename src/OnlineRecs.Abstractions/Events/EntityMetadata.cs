namespace OnlineRecs.Abstractions.Events;

/// <summary>Which side of the model an id belongs to.</summary>
public enum EntityKind { User, Item }

/// <summary>
/// Metadata of one user or item: feature names such as <c>genre=Comedy</c> or <c>age=25-34</c>, and an
/// item's display title. Setting it replaces what was there.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record EntityMetadata(
    [property: Id(0)] EntityKind Kind,
    [property: Id(1)] int Id,
    [property: Id(2)] string[] Features,
    [property: Id(3)] string? Title = null);
