using OnlineRecs.Abstractions.Events;

namespace OnlineRecs.Grains.Ingest;

/// <summary>The checks every event and every metadata record passes before it is logged, whichever way it came in.</summary>
public static class InputValidation
{
    public static void Check(IReadOnlyList<RatingEvent> events, IngestOptions options)
    {
        if (events.Count == 0) throw new InvalidInputException("The request carries no events.");
        if (events.Count > options.MaxEventsPerRequest)
            throw new InvalidInputException($"The request carries {events.Count} events; at most {options.MaxEventsPerRequest} are accepted.");
        for (var n = 0; n < events.Count; n++)
        {
            var e = events[n] ?? throw new InvalidInputException($"Event {n + 1} is null.");
            if (ProblemWith(e, options) is { } problem) throw new InvalidInputException($"Event {n + 1} (user {e.UserId}, item {e.ItemId}): {problem}");
        }
    }

    /// <summary>What is wrong with one event, or null: a message is made only for an event that fails, not for every event.</summary>
    private static string? ProblemWith(RatingEvent e, IngestOptions options)
    {
        if (!IsId(e.UserId)) return OutsideIds("userId", e.UserId);
        if (!IsId(e.ItemId)) return OutsideIds("itemId", e.ItemId);
        if (!float.IsFinite(e.Rating) || e.Rating < options.MinRating || e.Rating > options.MaxRating)
            return $"rating {e.Rating} is outside [{options.MinRating}, {options.MaxRating}].";
        if (e.Timestamp < 0) return $"timestamp {e.Timestamp} is negative.";
        // A weight of 0 is an event that marks the item seen and teaches nothing (a frozen model's stream).
        if (!float.IsFinite(e.Weight) || e.Weight < 0 || e.Weight > options.MaxWeight) return $"weight {e.Weight} is outside [0, {options.MaxWeight}].";
        return null;
    }

    public static void Check(IReadOnlyList<EntityMetadata> metadata, IngestOptions options)
    {
        if (metadata.Count == 0) throw new InvalidInputException("The request carries no metadata.");
        if (metadata.Count > options.MaxEventsPerRequest)
            throw new InvalidInputException($"The request carries {metadata.Count} records; at most {options.MaxEventsPerRequest} are accepted.");
        foreach (var m in metadata)
        {
            if (m is null) throw new InvalidInputException("A metadata record is null.");
            if (!Enum.IsDefined(m.Kind)) throw new InvalidInputException($"Metadata kind {(int)m.Kind} is neither user nor item.");
            CheckId(m.Id, $"{m.Kind} id");
            CheckFeatures(m.Features, $"{m.Kind} {m.Id}");
            if (m.Title is { Length: > IngestOptions.MaxTitleLength })
                throw new InvalidInputException($"{m.Kind} {m.Id}: the title is longer than {IngestOptions.MaxTitleLength} characters.");
        }
    }

    /// <summary>Feature names such as <c>genre=Comedy</c>: a bounded number, each short, printable and non-blank.</summary>
    public static void CheckFeatures(IReadOnlyCollection<string>? features, string owner)
    {
        if (features is null) throw new InvalidInputException($"{owner}: features are missing.");
        if (features.Count > IngestOptions.MaxFeaturesPerEntity)
            throw new InvalidInputException($"{owner}: {features.Count} features; at most {IngestOptions.MaxFeaturesPerEntity} are accepted.");
        foreach (var f in features)
        {
            if (string.IsNullOrWhiteSpace(f)) throw new InvalidInputException($"{owner}: a feature name is blank.");
            if (f.Length > IngestOptions.MaxFeatureLength)
                throw new InvalidInputException($"{owner}: feature '{f[..20]}…' is longer than {IngestOptions.MaxFeatureLength} characters.");
            if (f.Any(char.IsControl)) throw new InvalidInputException($"{owner}: feature names may not hold control characters.");
        }
    }

    public static void CheckId(long id, string what)
    {
        if (!IsId(id)) throw new InvalidInputException(OutsideIds(what, id));
    }

    public static bool IsId(long id) => id is >= 0 and <= int.MaxValue;

    private static string OutsideIds(string what, long id) => $"{what} {id} is outside [0, {int.MaxValue}].";
}
