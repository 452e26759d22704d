using OnlineRecs.Abstractions.Events;

namespace OnlineRecs.Grains.Ingest;

/// <summary>
/// What one fsync of the event log makes durable, and what the model then learns from as one batch: either
/// rating events or metadata records, numbered from <see cref="FirstSequence"/>. Replays keep the same groups,
/// so a replay learns exactly what the live run learned.
/// </summary>
public sealed record LogGroup(long FirstSequence, RatingEvent[] Events, EntityMetadata[] Metadata)
{
    public int Count => Events.Length + Metadata.Length;

    public long LastSequence => FirstSequence + Count - 1;
}

/// <summary>A group as read back from the log, with the byte offset where its frame ends and the next one starts.</summary>
public sealed record LoggedFrame(LogGroup Group, long End);
