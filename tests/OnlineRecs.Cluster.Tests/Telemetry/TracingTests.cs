using System.Collections.Concurrent;
using System.Diagnostics;
using OnlineRecs.Abstractions.Grains;
using OnlineRecs.Abstractions.Serving;
using OnlineRecs.Grains.Telemetry;
using Orleans.Diagnostics;
using static OnlineRecs.Cluster.Tests.ClusterFixture;

namespace OnlineRecs.Cluster.Tests.Telemetry;

/// <summary>
/// One event's trace runs from its ingest span through the learning of its group to every grain that learned it, and
/// one query's from the user grain to the index. Activity listeners hear the whole process, so this runs alone.
/// </summary>
[Collection(nameof(TracingTests))]
public sealed class TracingTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "onlinerecs-tracing", Guid.NewGuid().ToString("N"));
    private readonly ConcurrentBag<Activity> _finished = [];
    private readonly ActivityListener _listener;

    public TracingTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is RecommenderTracing.SourceName or ActivitySources.ApplicationGrainActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _finished.Add,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose()
    {
        _listener.Dispose();
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task An_events_spans_reach_the_user_the_item_and_the_index()
    {
        // BPR steps on every positive with a negative to draw, so the event surely sends gradients to items.
        await using var cluster = await Start(_data, new Dictionary<string, string?> { ["OnlineRecs:Learning:Loss"] = "bpr" },
            silo => silo.AddActivityPropagation());
        var ingest = cluster.Client.GetGrain<IIngestGrain>(0);
        await ingest.IngestLearned([.. Enumerable.Range(20, 30).Select(item => Event(2 + item % 4, item)), Event(1, 10), Event(1, 11)]);
        _finished.Clear();

        await ingest.IngestLearned([Event(1, 12)]);
        await cluster.Client.GetGrain<IUserGrain>(1).Recommend(new RecommendationRequest(5));

        await Task.Delay(200); // spans end as their calls return; give the last ones a moment to be reported
        var spans = _finished.ToArray();
        var ingestSpan = Assert.Single(spans, a => a.OperationName == "ingest");
        var learn = Assert.Single(spans, a => a.OperationName == "learn group");
        Assert.Equal(ingestSpan.SpanId, learn.ParentSpanId);
        AssertTraceHolds(spans, ingestSpan.TraceId, "IUserGrain/Learn", "IItemGrain/Learn", "IFeatureTableGrain/Learn", "IModelIndexGrain/Publish");
        var query = spans.First(a => a.DisplayName.Contains("IUserGrain/Recommend", StringComparison.Ordinal));
        AssertTraceHolds(spans, query.TraceId, "IModelIndexGrain/Recommend");
    }

    private static void AssertTraceHolds(Activity[] spans, ActivityTraceId traceId, params string[] calls)
    {
        var trace = spans.Where(a => a.TraceId == traceId).Select(a => a.DisplayName).ToArray();
        foreach (var call in calls)
            Assert.True(trace.Any(name => name.Contains(call, StringComparison.Ordinal)), $"no {call} span in the trace: {string.Join(", ", trace)}");
    }
}

[CollectionDefinition(nameof(TracingTests), DisableParallelization = true)]
public sealed class TracingCollection;
