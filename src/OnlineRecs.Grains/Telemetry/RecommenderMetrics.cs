using System.Diagnostics.Metrics;
using OnlineRecs.Abstractions.Retraining;
using OnlineRecs.Grains.Retraining;

namespace OnlineRecs.Grains.Telemetry;

/// <summary>
/// The <c>OnlineRecs</c> meter: ingest, online learning, the live prequential HR@10, retrains, serving and the
/// model's size. It also keeps the recent values the live training page shows, so that page needs no Prometheus.
/// </summary>
public sealed class RecommenderMetrics : IDisposable
{
    public const string MeterName = "OnlineRecs";

    /// <summary>Set in an exception's <see cref="Exception.Data"/> once its rejection is counted, so no outer layer counts it again.</summary>
    public const string CountedKey = "onlinerecs.rejection-counted";
    private const double LossSmoothing = 0.05;

    private static readonly InstrumentAdvice<double> SecondsBuckets = new()
    {
        HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    };

    private readonly Meter _meter;
    private readonly Counter<long> _ingested;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _validated;
    private readonly Histogram<double> _ingestDuration;
    private readonly Histogram<double> _learningDuration;
    private readonly Histogram<double> _queryDuration;
    private readonly Histogram<double> _retrainDuration;
    private readonly Counter<long> _prequentialEvaluated;
    private readonly Lock _lossLock = new();
    private double? _onlineLoss;
    private long _eventsIngested;
    private long _learningBacklog;
    private long _eventsRejected;
    private long _modelVersion;
    private int _users;
    private int _items;

    public RecommenderMetrics(IMeterFactory meters, RetrainBoard retrain)
    {
        _meter = meters.Create(MeterName);
        _ingested = _meter.CreateCounter<long>("onlinerecs.events.ingested", "{event}", "Events acknowledged (durable; learned in log order)");
        _rejected = _meter.CreateCounter<long>("onlinerecs.events.rejected", "{event}", "Events or requests refused, by reason");
        _validated = _meter.CreateCounter<long>("onlinerecs.events.validated", "{event}", "Events checked by dry runs, none of them logged");
        _ingestDuration = _meter.CreateHistogram("onlinerecs.ingest.duration", "s", "From an ingest request's arrival to its acknowledgement", advice: SecondsBuckets);
        _learningDuration = _meter.CreateHistogram("onlinerecs.learning.duration", "s", "Online update time of one log group", advice: SecondsBuckets);
        _queryDuration = _meter.CreateHistogram("onlinerecs.query.duration", "s", "Query latency by endpoint", advice: SecondsBuckets);
        _retrainDuration = _meter.CreateHistogram("onlinerecs.retrain.duration", "s", "Full retrain, from snapshot to caught up", advice: SecondsBuckets);
        _prequentialEvaluated = _meter.CreateCounter<long>("onlinerecs.prequential.evaluated", "{event}", "Sampled live events scored test-then-train");
        _meter.CreateObservableGauge<double>("onlinerecs.online.loss", () => OnlineLoss is { } loss ? [new Measurement<double>(loss)] : [],
            description: "Running mean of the online loss per step");
        _meter.CreateObservableGauge<double>("onlinerecs.prequential.hit_rate", () => LiveHitRate.HitRate is { } hr ? [new Measurement<double>(hr)] : [],
            description: "HR@10 of sampled live events scored before they are learned, over the last 1000");
        _meter.CreateObservableGauge("onlinerecs.learning.backlog", () => Interlocked.Read(ref _learningBacklog), "{record}",
            "Records logged and acknowledged that the model has not learned yet");
        _meter.CreateObservableGauge("onlinerecs.model.version", () => Interlocked.Read(ref _modelVersion), description: "The full retrain the model descends from");
        _meter.CreateObservableGauge("onlinerecs.index.items", () => Volatile.Read(ref _items), description: "Items the index ranks");
        _meter.CreateObservableGauge("onlinerecs.items.known", () => Volatile.Read(ref _items), description: "Items known to the model");
        _meter.CreateObservableGauge("onlinerecs.users.known", () => Volatile.Read(ref _users), description: "Users known to the model");
        _meter.CreateObservableGauge("onlinerecs.retrain.running", () => retrain.Running ? 1 : 0, description: "1 while a retrain runs");
        _meter.CreateObservableGauge("onlinerecs.retrain.epoch", () => RetrainGauge(retrain, r => r.Epoch),
            description: "Epochs finished by the running, or else the last, retrain");
        _meter.CreateObservableGauge("onlinerecs.retrain.loss", () => RetrainGauge(retrain, r => r.Loss ?? double.NaN),
            description: "Loss of the last finished epoch of the running, or else the last, retrain");
    }

    public SlidingHitRate LiveHitRate { get; } = new();

    public LatencyWindow QueryLatency { get; } = new();

    public EventRate IngestRate { get; } = new();

    public long EventsIngested => Interlocked.Read(ref _eventsIngested);

    public long EventsRejected => Interlocked.Read(ref _eventsRejected);

    public double? OnlineLoss
    {
        get { lock (_lossLock) return _onlineLoss; }
    }

    public int Users => Volatile.Read(ref _users);

    public int Items => Volatile.Read(ref _items);

    public void Ingested(int events, double seconds)
    {
        Interlocked.Add(ref _eventsIngested, events);
        IngestRate.Add(events);
        _ingested.Add(events);
        _ingestDuration.Record(seconds);
    }

    public void Validated(int events) => _validated.Add(events);

    public void Rejected(int events, string reason)
    {
        Interlocked.Add(ref _eventsRejected, events);
        _rejected.Add(events, new KeyValuePair<string, object?>("reason", reason));
    }

    /// <summary>How far the learner is behind the log, in records.</summary>
    public void LearningBacklog(long records) => Interlocked.Exchange(ref _learningBacklog, records);

    public void Learned(double seconds, double lossSum, long steps)
    {
        _learningDuration.Record(seconds);
        if (steps == 0) return;
        var mean = lossSum / steps;
        lock (_lossLock) _onlineLoss = _onlineLoss is { } running ? running + LossSmoothing * (mean - running) : mean;
    }

    public void Evaluated(bool hit)
    {
        LiveHitRate.Record(hit);
        _prequentialEvaluated.Add(1);
    }

    public void Queried(string endpoint, double seconds)
    {
        QueryLatency.Record(seconds);
        _queryDuration.Record(seconds, new KeyValuePair<string, object?>("endpoint", endpoint));
    }

    public void Retrained(RetrainRecord record) =>
        _retrainDuration.Record(record.Seconds, new KeyValuePair<string, object?>("algorithm", record.Algorithm));

    public void ModelInstalled(long version) => Interlocked.Exchange(ref _modelVersion, version);

    public void ModelSize(int users, int items)
    {
        Volatile.Write(ref _users, users);
        Volatile.Write(ref _items, items);
    }

    public void Dispose() => _meter.Dispose();

    /// <summary>The latest retrain's value under its algorithm only, so switching algorithms leaves no stale series.</summary>
    private static IEnumerable<Measurement<double>> RetrainGauge(RetrainBoard retrain, Func<(string Algorithm, int Epoch, double? Loss), double> value)
    {
        if (retrain.Latest() is not { } latest) return [];
        var measured = value(latest);
        return double.IsFinite(measured) ? [new Measurement<double>(measured, new KeyValuePair<string, object?>("algorithm", latest.Algorithm))] : [];
    }
}
