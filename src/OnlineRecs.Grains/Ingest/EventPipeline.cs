using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OnlineRecs.Abstractions.Events;
using OnlineRecs.Abstractions.Grains;
using OnlineRecs.Core.Online;
using OnlineRecs.Grains.Retraining;
using OnlineRecs.Grains.Telemetry;
using OnlineRecs.Grains.Users;

namespace OnlineRecs.Grains.Ingest;

/// <summary>
/// The silo's event path. Requests queue (bounded: producers wait when it is full); a writer gathers all that wait
/// into one log frame and fsyncs it once (group commit), records each user's newest event in it, and acknowledges:
/// an acknowledged event is durable. A learner applies the logged frames to the model in log order, frame by frame
/// while it keeps up, and once <see cref="IngestOptions.CatchUpBacklog"/> events wait, all that waited as one group
/// (marked in the log first, so a replay takes them together too); the writer stays at most
/// <see cref="IngestOptions.MaxUnlearnedEvents"/> ahead of it. Read-your-writes holds because a user grain answers
/// queries only once it has learned every event of its that was acknowledged. Metadata is acknowledged once learned.
/// At start the latest model checkpoint is installed and the log after it replayed through the same learner before
/// the silo takes traffic. A full retrain's swap runs with ingest quiesced (<see cref="Quiesced{T}"/>).
/// </summary>
public sealed partial class EventPipeline(
    IOptions<IngestOptions> ingestOptions,
    IOptions<OnlineLearningOptions> learningOptions,
    BatchLearning learning,
    UnlearnedAcknowledgements unlearned,
    CheckpointStore checkpoints,
    ModelInstaller installer,
    RecommenderMetrics metrics,
    LiveEvaluation liveEvaluation,
    ILogger<EventPipeline> logger) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly IngestOptions _options = ingestOptions.Value;
    private readonly Channel<IngestRequest> _requests = Channel.CreateBounded<IngestRequest>(
        new BoundedChannelOptions(ingestOptions.Value.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    // Frames logged and not yet learned, bounded by events: the writer waits for room (RoomToLog).
    private readonly Channel<LoggedGroup> _logged = Channel.CreateUnbounded<LoggedGroup>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly SemaphoreSlim _writerGate = new(1, 1);
    private TaskCompletionSource _learnedMore = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _waitingEvents; // in the frames the learner has not taken yet
    private EventLog? _log;
    private Task _writer = Task.CompletedTask;
    private Task _learner = Task.CompletedTask;
    private readonly SemaphoreSlim _learnerGate = new(1, 1);
    private long _eventsAcknowledged;
    private long _learnedThrough;

    /// <summary>Events acknowledged since the silo started, replayed ones included.</summary>
    public long EventsAcknowledged => Interlocked.Read(ref _eventsAcknowledged);

    /// <summary>The last log sequence the model has learned: always the end of a group.</summary>
    public long LearnedThrough => Interlocked.Read(ref _learnedThrough);

    /// <summary>Returns once the model has learned every record through <paramref name="sequence"/>, a logged one.</summary>
    public async Task WhenLearned(long sequence, CancellationToken cancellation = default)
    {
        if (sequence >= Log.NextSequence) throw new InvalidInputException($"Sequence {sequence} has not been logged yet.");
        await AfterLearning(() => LearnedThrough >= sequence, cancellation);
    }

    /// <summary>Returns once <paramref name="done"/> holds, checked again each time the learner finishes a group.</summary>
    private async Task AfterLearning(Func<bool> done, CancellationToken cancellation = default)
    {
        while (true)
        {
            var learnedMore = Volatile.Read(ref _learnedMore); // taken before the check, so a group learned in between wakes it
            if (done()) return;
            await learnedMore.Task.WaitAsync(cancellation);
        }
    }

    /// <summary>
    /// The logged groups from byte <paramref name="offset"/> (0, or where an earlier read's frame ended) up to
    /// <paramref name="sequence"/>, a group boundary: a retrain's snapshot, or what has been logged since it.
    /// </summary>
    public IEnumerable<LoggedFrame> LoggedThrough(long sequence, long offset = 0) =>
        Log.ReadFrom(offset).TakeWhile(f => f.Group.LastSequence <= sequence);

    /// <summary>
    /// Runs <paramref name="work"/> with logging paused and every acknowledged event learned first, then learning held
    /// until it is done: a full retrain's swap, during which no user's query waits for events the swap holds back.
    /// </summary>
    public async Task<T> Quiesced<T>(Func<Task<T>> work)
    {
        await _writerGate.WaitAsync();
        try
        {
            await WhenLearned(Log.NextSequence - 1);
            return await Exclusive(work);
        }
        finally
        {
            _writerGate.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> between two groups, with learning held until it is done (logging goes on).</summary>
    public async Task<T> Exclusive<T>(Func<Task<T>> work)
    {
        await _learnerGate.WaitAsync();
        try
        {
            return await work();
        }
        finally
        {
            _learnerGate.Release();
        }
    }

    /// <summary>The learner's replay sample as it stood after log sequence <paramref name="sequence"/>, a group boundary.</summary>
    public ReplayReservoir ReplaysThrough(long sequence) => learning.ReplaysAfter(LoggedThrough(sequence).Select(f => f.Group));

    /// <summary>
    /// Learns again every group from log byte <paramref name="offset"/> (where a snapshot ended) that was learned
    /// before, as a new model version needs, replaying from <paramref name="replays"/> (the sample as of the snapshot);
    /// call it inside <see cref="Quiesced{T}"/>. Returns the events re-applied.
    /// </summary>
    public async Task<long> Relearn(long offset, ReplayReservoir replays)
    {
        learning.UseReplays(replays);
        var events = 0L;
        foreach (var (group, _) in LoggedThrough(LearnedThrough, offset))
        {
            await learning.Apply(group);
            events += group.Events.Length;
        }
        return events;
    }

    private EventLog Log => _log ?? throw new InvalidOperationException("The event pipeline has not started.");

    public async Task<IngestReceipt> Ingest(RatingEvent[] events, CancellationToken cancellation = default)
    {
        var arrived = Stopwatch.GetTimestamp();
        using var activity = RecommenderTracing.Source.StartActivity("ingest");
        activity?.SetTag("onlinerecs.events", events?.Length ?? 0);
        Check(events);
        var receipt = await Enqueue(new IngestRequest(events!, [], activity?.Context), cancellation);
        metrics.Ingested(events!.Length, Stopwatch.GetElapsedTime(arrived).TotalSeconds);
        return receipt;
    }

    /// <summary>What <see cref="Ingest"/> would answer, with nothing logged: a refusal, or a receipt whose last sequence is 0.</summary>
    public IngestReceipt Validate(RatingEvent[] events)
    {
        InputValidation.Check(events, _options);
        metrics.Validated(events.Length);
        return new IngestReceipt(events.Length, Positives(events), 0);
    }

    private void Check(RatingEvent[]? events)
    {
        try
        {
            InputValidation.Check(events!, _options);
        }
        catch (InvalidInputException e)
        {
            metrics.Rejected(events?.Length ?? 0, "invalid");
            e.Data[RecommenderMetrics.CountedKey] = true;
            throw;
        }
    }

    private int Positives(IEnumerable<RatingEvent> events) => events.Count(e => learningOptions.Value.IsPositive(e.Rating, e.Weight));

    public async Task<IngestReceipt> SetMetadata(EntityMetadata[] metadata, CancellationToken cancellation = default)
    {
        InputValidation.Check(metadata, _options);
        return await Enqueue(new IngestRequest([], metadata, Activity.Current?.Context), cancellation);
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(EventPipeline), ServiceLifecycleStage.Active, Start, Stop);

    public void Dispose()
    {
        _log?.Dispose();
        _learnerGate.Dispose();
    }

    private async Task<IngestReceipt> Enqueue(IngestRequest request, CancellationToken cancellation)
    {
        if (_log is null) throw new InvalidOperationException("The event pipeline has not started.");
        await _requests.Writer.WriteAsync(request, cancellation);
        return await request.Done.Task;
    }

    private async Task Start(CancellationToken cancellation)
    {
        _log = EventLog.Open(_options.DataDirectory);
        var checkpoint = checkpoints.Latest();
        if (checkpoint is not null)
        {
            await installer.Install(checkpoint);
            Interlocked.Exchange(ref _learnedThrough, checkpoint.Sequence);
            LogCheckpointInstalled(checkpoint.Version, checkpoint.Sequence);
        }
        var installed = checkpoint?.Sequence ?? 0;
        learning.UseReplays(learning.ReplaysAfter(_log.Recovered.Where(g => g.LastSequence <= installed)));
        await Replay([.. _log.Recovered.Where(g => g.FirstSequence > installed)], cancellation);
        Interlocked.Add(ref _eventsAcknowledged, _log.Recovered.Sum(g => g.Events.Length));
        _writer = Task.Run(WriteGroups, CancellationToken.None);
        _learner = Task.Run(LearnGroups, CancellationToken.None);
    }

    private async Task Stop(CancellationToken cancellation)
    {
        _requests.Writer.TryComplete();
        await Task.WhenAll(_writer, _learner).WaitAsync(cancellation);
    }

    private async Task Replay(IReadOnlyList<LogGroup> groups, CancellationToken cancellation)
    {
        if (groups.Count == 0) return;
        var started = Stopwatch.GetTimestamp();
        var events = 0L;
        for (var n = 0; n < groups.Count; n++)
        {
            cancellation.ThrowIfCancellationRequested();
            await learning.Apply(groups[n]);
            Interlocked.Exchange(ref _learnedThrough, groups[n].LastSequence);
            events += groups[n].Count;
            if ((n + 1) % 200 == 0) LogReplayProgress(n + 1, groups.Count, events);
        }
        LogReplayed(events, groups.Count, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>Gathers waiting requests of one kind into a group, up to the group limit, and logs it with one fsync.</summary>
    private async Task WriteGroups()
    {
        var reader = _requests.Reader;
        var pending = new List<IngestRequest>();
        while (await reader.WaitToReadAsync())
        {
            pending.Clear();
            reader.TryRead(out var first);
            pending.Add(first!);
            var count = first!.Count;
            while (reader.TryPeek(out var next) && next.IsEvents == first.IsEvents && count + next.Count <= _options.MaxEventsPerGroup)
            {
                reader.TryRead(out next);
                pending.Add(next!);
                count += next!.Count;
            }

            await _writerGate.WaitAsync();
            try
            {
                await RoomToLog();
                LogGroup frame;
                try
                {
                    frame = _log!.Append([.. pending.SelectMany(r => r.Events)], [.. pending.SelectMany(r => r.Metadata)]);
                }
                catch (IOException e)
                {
                    LogWriteFailed(e);
                    metrics.Rejected(pending.Sum(r => r.Events.Length), "log-write-failed");
                    foreach (var r in pending) r.Done.TrySetException(e);
                    continue;
                }
                var logged = new LoggedGroup(frame, [.. pending]);
                ReportBacklog();
                // Recorded before the learner can take the frame, so that learning it clears what it recorded.
                if (frame.IsEvents) Acknowledge(logged);
                Interlocked.Add(ref _waitingEvents, frame.Count);
                _logged.Writer.TryWrite(logged);
            }
            finally
            {
                _writerGate.Release();
            }
        }
        _logged.Writer.TryComplete();
    }

    /// <summary>Records logged and not yet learned, for the backlog gauge.</summary>
    private void ReportBacklog() => metrics.LearningBacklog(Log.NextSequence - 1 - LearnedThrough);

    /// <summary>Waits while <see cref="IngestOptions.MaxUnlearnedEvents"/> or more logged events wait for the learner.</summary>
    private Task RoomToLog() => AfterLearning(() => Interlocked.Read(ref _waitingEvents) < _options.MaxUnlearnedEvents);

    /// <summary>
    /// Acknowledges a durable frame of events, each user's newest event there recorded first: from then on the user
    /// answers queries only after it has learned it (read-your-writes). No user grain is called, so a new user is not
    /// activated on the way to an acknowledgement; the learner activates it.
    /// </summary>
    private void Acknowledge(LoggedGroup logged)
    {
        var frame = logged.Group;
        for (var n = 0; n < frame.Events.Length; n++) unlearned.Acknowledge(frame.Events[n].UserId, frame.FirstSequence + n);
        Interlocked.Add(ref _eventsAcknowledged, frame.Events.Length);
        Complete(logged);
    }

    private void Complete(LoggedGroup logged)
    {
        var last = logged.Group.FirstSequence - 1;
        foreach (var r in logged.Requests)
        {
            last += r.Count;
            r.Done.TrySetResult(new IngestReceipt(r.Count, Positives(r.Events), last));
        }
    }

    private async Task LearnGroups()
    {
        var reader = _logged.Reader;
        var frames = new List<LoggedGroup>();
        while (await reader.WaitToReadAsync())
        {
            await _learnerGate.WaitAsync(); // frames that arrive while a retrain's swap holds it join this group
            TakeWaiting(reader, frames);
            var group = LogGroup.Join([.. frames.Select(f => f.Group)]);
            using var activity = StartLearning(group, frames);
            try
            {
                // Durable before any of it is learned: a replay must take these frames together as well.
                if (frames.Count > 1) Log.Mark(group);
                var started = Stopwatch.GetTimestamp();
                if (group.IsEvents) await liveEvaluation.Score(group);
                await learning.Apply(group);
                Interlocked.Exchange(ref _learnedThrough, group.LastSequence);
                unlearned.Learned(group.Events.Select(e => e.UserId), group.LastSequence);
                Interlocked.Exchange(ref _learnedMore, new(TaskCreationOptions.RunContinuationsAsynchronously)).SetResult();
                ReportBacklog();
                if (group.IsEvents)
                    metrics.Learned(Stopwatch.GetElapsedTime(started).TotalSeconds, learning.LastLoss.LossSum, learning.LastLoss.Updates);
            }
            catch (Exception e)
            {
                // The group is durable and a restart will learn it; metadata writers hear that this attempt failed.
                LogLearnFailed(e, group.FirstSequence);
                metrics.Rejected(group.Events.Length, "learning-failed");
                foreach (var r in frames.Where(f => !f.Group.IsEvents).SelectMany(f => f.Requests)) r.Done.TrySetException(e);
                continue;
            }
            finally
            {
                _learnerGate.Release();
            }
            foreach (var metadata in frames.Where(f => !f.Group.IsEvents)) Complete(metadata);
        }
    }

    /// <summary>
    /// The next frame, with the frames waiting after it, of its kind and up to the group limit, when the learner has
    /// fallen <see cref="IngestOptions.CatchUpBacklog"/> events behind.
    /// </summary>
    private void TakeWaiting(ChannelReader<LoggedGroup> reader, List<LoggedGroup> frames)
    {
        frames.Clear();
        var catchUp = Interlocked.Read(ref _waitingEvents) >= _options.CatchUpBacklog;
        reader.TryRead(out var first);
        frames.Add(first!);
        var count = first!.Group.Count;
        while (catchUp && reader.TryPeek(out var next) && next.Group.IsEvents == first.Group.IsEvents
            && count + next.Group.Count <= _options.MaxEventsPerGroup)
        {
            reader.TryRead(out next);
            frames.Add(next!);
            count += next!.Group.Count;
        }
        Interlocked.Add(ref _waitingEvents, -count);
    }

    /// <summary>The span of a group's learning: a child of its first request's span, linked to all of them.</summary>
    private static Activity? StartLearning(LogGroup group, List<LoggedGroup> frames)
    {
        var contexts = frames.SelectMany(f => f.Requests).Select(r => r.Trace).OfType<ActivityContext>().ToArray();
        var activity = RecommenderTracing.Source.StartActivity("learn group", ActivityKind.Internal,
            contexts.Length > 0 ? contexts[0] : default, links: [.. contexts.Select(c => new ActivityLink(c))]);
        activity?.SetTag("onlinerecs.first_sequence", group.FirstSequence);
        activity?.SetTag("onlinerecs.events", group.Events.Length);
        return activity;
    }

    private sealed record IngestRequest(RatingEvent[] Events, EntityMetadata[] Metadata, ActivityContext? Trace)
    {
        public TaskCompletionSource<IngestReceipt> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Count => Events.Length + Metadata.Length;

        public bool IsEvents => Events.Length > 0;
    }

    private sealed record LoggedGroup(LogGroup Group, IngestRequest[] Requests);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replaying the event log: {Groups} of {Total} groups, {Events} records")]
    private partial void LogReplayProgress(int groups, int total, long events);

    [LoggerMessage(Level = LogLevel.Information, Message = "Installed model version {Version} from its checkpoint at log sequence {Sequence}")]
    private partial void LogCheckpointInstalled(long version, long sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed {Events} records in {Groups} groups in {Seconds:F1} s")]
    private partial void LogReplayed(long events, int groups, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing to the event log failed")]
    private partial void LogWriteFailed(Exception e);

    [LoggerMessage(Level = LogLevel.Error, Message = "Learning from log group {FirstSequence} failed")]
    private partial void LogLearnFailed(Exception e, long firstSequence);
}
