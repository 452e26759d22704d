using OnlineRecs.Abstractions.Events;

namespace OnlineRecs.Grains.Ingest;

/// <summary>
/// The append-only event log that makes an event durable before it is acknowledged. Each appended
/// <see cref="LogGroup"/> is one frame, [payload length][CRC-32][payload], written and fsynced at once (group commit:
/// one fsync for every request waiting); a <see cref="GroupMark"/> records which frames the learner took together. On
/// open, a torn frame at the tail, from a crash mid-write and so never acknowledged, is cut off.
/// </summary>
public sealed class EventLog : IDisposable
{
    public const string FileName = "events.log";
    private const byte EventsKind = 1;
    private const byte MetadataKind = 2;
    private const byte MarkKind = 3;
    private const int MaxFrameBytes = 256 << 20;

    private readonly string _path;
    private readonly FileStream _file;
    private readonly List<LogGroup> _recovered = [];
    private readonly Lock _appending = new(); // the writer appends frames, the learner marks groups

    private EventLog(string path)
    {
        _path = path;
        _file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1 << 16);
        _file.Position = 0;
        var (validLength, lastSequence) = ReadGroups(_file, g => _recovered.Add(g.Group));
        if (validLength < _file.Length) _file.SetLength(validLength);
        _file.Position = validLength;
        NextSequence = lastSequence + 1;
    }

    public static EventLog Open(string directory)
    {
        Directory.CreateDirectory(directory);
        return new EventLog(Path.Combine(directory, FileName));
    }

    /// <summary>The groups found on open as they were learned (or, at the tail, are to be learned), oldest first, for replay.</summary>
    public IReadOnlyList<LogGroup> Recovered => _recovered;

    public long NextSequence { get; private set; }

    /// <summary>
    /// The learned groups from byte <paramref name="offset"/> (0, or an earlier read's <see cref="LoggedFrame.End"/>) to
    /// the end of the file as it stands, oldest first, read on a stream of their own while appends go on. Only groups the
    /// learner has started on are sure to be as it learns them; a frame still being written ends the read.
    /// </summary>
    public IReadOnlyList<LoggedFrame> ReadFrom(long offset)
    {
        using var reader = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        reader.Position = offset;
        var groups = new List<LoggedFrame>();
        ReadGroups(reader, groups.Add);
        return groups;
    }

    /// <summary>Numbers the records from <see cref="NextSequence"/>, writes them as one frame and fsyncs.</summary>
    public LogGroup Append(RatingEvent[] events, EntityMetadata[] metadata)
    {
        lock (_appending)
        {
            var group = new LogGroup(NextSequence, events, metadata);
            Write(Encode(group));
            NextSequence = group.LastSequence + 1;
            return group;
        }
    }

    /// <summary>Records durably that the frames making up <paramref name="group"/> are learned together, before they are.</summary>
    public void Mark(LogGroup group)
    {
        using var buffer = new MemoryStream(17);
        using (var w = new BinaryWriter(buffer))
        {
            w.Write(MarkKind);
            w.Write(group.FirstSequence);
            w.Write(group.LastSequence);
        }
        lock (_appending) Write(buffer.ToArray());
    }

    public void Dispose() => _file.Dispose();

    private void Write(byte[] payload)
    {
        ChecksummedFrame.Write(_file, payload);
        _file.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Reads valid frames from where <paramref name="stream"/> stands, hands out the groups they were learned in, and
    /// returns where the valid part ends and the last record's sequence (0 when there is none).
    /// </summary>
    private static (long ValidLength, long LastSequence) ReadGroups(Stream stream, Action<LoggedFrame> onGroup)
    {
        var groups = new LearnedGroupReader(onGroup);
        var (valid, lastSequence) = (stream.Position, 0L);
        while (ChecksummedFrame.TryRead(stream, MaxFrameBytes) is { } payload)
        {
            var (frame, mark) = Decode(payload);
            if (frame is not null)
            {
                groups.Frame(frame, valid, stream.Position);
                lastSequence = frame.LastSequence;
            }
            else groups.Mark(mark!, stream.Position);
            valid = stream.Position;
        }
        groups.End();
        return (valid, lastSequence);
    }

    private static byte[] Encode(LogGroup group)
    {
        using var buffer = new MemoryStream(16 + group.Events.Length * 24);
        using var w = new BinaryWriter(buffer);
        w.Write(group.Events.Length > 0 ? EventsKind : MetadataKind);
        w.Write(group.FirstSequence);
        w.Write(group.Count);
        foreach (var e in group.Events)
        {
            w.Write(e.UserId);
            w.Write(e.ItemId);
            w.Write(e.Rating);
            w.Write(e.Timestamp);
            w.Write(e.Weight);
        }
        foreach (var m in group.Metadata)
        {
            w.Write((byte)m.Kind);
            w.Write(m.Id);
            w.Write(m.Features.Length);
            foreach (var f in m.Features) w.Write(f);
            w.Write(m.Title is not null);
            if (m.Title is not null) w.Write(m.Title);
        }
        w.Flush();
        return buffer.ToArray();
    }

    private static (LogGroup? Frame, GroupMark? Mark) Decode(byte[] payload)
    {
        using var r = new BinaryReader(new MemoryStream(payload));
        var kind = r.ReadByte();
        var first = r.ReadInt64();
        if (kind == MarkKind) return (null, new GroupMark(first, r.ReadInt64()));
        var count = r.ReadInt32();
        if (kind == EventsKind)
        {
            var events = new RatingEvent[count];
            for (var n = 0; n < count; n++)
                events[n] = new RatingEvent(r.ReadInt32(), r.ReadInt32(), r.ReadSingle(), r.ReadInt64(), r.ReadSingle());
            return (new LogGroup(first, events, []), null);
        }
        var metadata = new EntityMetadata[count];
        for (var n = 0; n < count; n++)
        {
            var entity = (EntityKind)r.ReadByte();
            var id = r.ReadInt32();
            var features = new string[r.ReadInt32()];
            for (var f = 0; f < features.Length; f++) features[f] = r.ReadString();
            var title = r.ReadBoolean() ? r.ReadString() : null;
            metadata[n] = new EntityMetadata(entity, id, features, title);
        }
        return (new LogGroup(first, [], metadata), null);
    }
}
