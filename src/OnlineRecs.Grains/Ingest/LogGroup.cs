using OnlineRecs.Abstractions.Events;

namespace OnlineRecs.Grains.Ingest;

/// <summary>
/// Records numbered from <see cref="FirstSequence"/>, either rating events or metadata: what one fsync of the event
/// log made durable (a frame), or what the model learned from as one batch (one frame, or frames that waited for the
/// learner together, see <see cref="GroupMark"/>). Replays keep the learned groups, so a replay learns exactly what the
/// live run learned.
/// </summary>
public sealed record LogGroup(long FirstSequence, RatingEvent[] Events, EntityMetadata[] Metadata)
{
    public int Count => Events.Length + Metadata.Length;

    public long LastSequence => FirstSequence + Count - 1;

    public bool IsEvents => Events.Length > 0;

    /// <summary>Consecutive frames of one kind as one group.</summary>
    public static LogGroup Join(IReadOnlyList<LogGroup> frames) => frames.Count == 1
        ? frames[0]
        : new LogGroup(frames[0].FirstSequence, [.. frames.SelectMany(f => f.Events)], [.. frames.SelectMany(f => f.Metadata)]);
}

/// <summary>The log's record that the frames holding <see cref="FirstSequence"/>..<see cref="LastSequence"/> are learned as one group.</summary>
public sealed record GroupMark(long FirstSequence, long LastSequence);

/// <summary>A group as read back from the log, with the byte offset where a later read goes on without missing a frame.</summary>
public sealed record LoggedFrame(LogGroup Group, long End);
