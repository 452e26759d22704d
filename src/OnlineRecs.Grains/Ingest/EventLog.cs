using OnlineRecs.Abstractions.Events;

namespace OnlineRecs.Grains.Ingest;

/// <summary>
/// The append-only event log that makes an event durable before it is acknowledged. Each <see cref="LogGroup"/> is one
/// frame, [payload length][CRC-32][payload], written and fsynced at once (group commit: one fsync for every request
/// waiting). On open, a torn frame at the tail, from a crash mid-write and so never acknowledged, is cut off.
/// </summary>
public sealed class EventLog : IDisposable
{
    public const string FileName = "events.log";
    private const byte EventsKind = 1;
    private const byte MetadataKind = 2;
    private const int MaxFrameBytes = 256 << 20;

    private readonly string _path;
    private readonly FileStream _file;
    private readonly List<LogGroup> _recovered = [];

    private EventLog(string path)
    {
        _path = path;
        _file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1 << 16);
        _file.Position = 0;
        var validLength = ReadFrames(_file, _recovered.Add);
        if (validLength < _file.Length) _file.SetLength(validLength);
        _file.Position = validLength;
        NextSequence = _recovered.Count == 0 ? 1 : _recovered[^1].LastSequence + 1;
    }

    public static EventLog Open(string directory)
    {
        Directory.CreateDirectory(directory);
        return new EventLog(Path.Combine(directory, FileName));
    }

    /// <summary>The groups found on open, oldest first, for replay.</summary>
    public IReadOnlyList<LogGroup> Recovered => _recovered;

    public long NextSequence { get; private set; }

    /// <summary>
    /// The logged groups from byte <paramref name="offset"/> (0, or where an earlier read's frame ended) to the end of
    /// the file as it stands, oldest first, read on a stream of their own while appends go on. Only groups whose append
    /// has returned are sure to be complete; a group still being written ends the read.
    /// </summary>
    public IReadOnlyList<LoggedFrame> ReadFrom(long offset)
    {
        using var reader = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        reader.Position = offset;
        var frames = new List<LoggedFrame>();
        ReadFrames(reader, group => frames.Add(new LoggedFrame(group, reader.Position)));
        return frames;
    }

    /// <summary>Numbers the records from <see cref="NextSequence"/>, writes them as one frame and fsyncs.</summary>
    public LogGroup Append(RatingEvent[] events, EntityMetadata[] metadata)
    {
        var group = new LogGroup(NextSequence, events, metadata);
        ChecksummedFrame.Write(_file, Encode(group));
        _file.Flush(flushToDisk: true);
        NextSequence = group.LastSequence + 1;
        return group;
    }

    public void Dispose() => _file.Dispose();

    /// <summary>Reads valid frames from the start of <paramref name="stream"/> and returns where the valid part ends.</summary>
    private static long ReadFrames(Stream stream, Action<LogGroup> onGroup)
    {
        long valid = 0;
        while (ChecksummedFrame.TryRead(stream, MaxFrameBytes) is { } payload)
        {
            onGroup(Decode(payload));
            valid = stream.Position;
        }
        return valid;
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

    private static LogGroup Decode(byte[] payload)
    {
        using var r = new BinaryReader(new MemoryStream(payload));
        var kind = r.ReadByte();
        var first = r.ReadInt64();
        var count = r.ReadInt32();
        if (kind == EventsKind)
        {
            var events = new RatingEvent[count];
            for (var n = 0; n < count; n++)
                events[n] = new RatingEvent(r.ReadInt32(), r.ReadInt32(), r.ReadSingle(), r.ReadInt64(), r.ReadSingle());
            return new LogGroup(first, events, []);
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
        return new LogGroup(first, [], metadata);
    }
}
