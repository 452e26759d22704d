using Microsoft.Extensions.Options;
using OnlineRecs.Abstractions.Grains;
using OnlineRecs.Core.Randomness;
using OnlineRecs.Grains.Ingest;

namespace OnlineRecs.Grains.Telemetry;

/// <summary>
/// The live prequential HR@10: before a group is learned, a sample of its positive events is scored test-then-train,
/// each asking whether its user's top 10 holds the item now. A user's first positive is not scored (nothing to go by),
/// nor is an item the user had already rated; an item new to the stream counts as a miss.
/// </summary>
public sealed class LiveEvaluation(IGrainFactory grains, RecommenderMetrics metrics, IOptions<TelemetryOptions> options,
    IOptions<OnlineLearningOptions> learning)
{
    private const int K = 10;

    public async Task Score(LogGroup group)
    {
        var every = (ulong)options.Value.LiveEvaluationEvery;
        if (every == 0) return;
        var probes = new List<Task<bool?>>();
        for (var n = 0; n < group.Events.Length; n++)
        {
            var e = group.Events[n];
            if (!learning.Value.IsPositive(e.Rating, e.Weight)) continue;
            if (SplitMix64.Mix((ulong)(group.FirstSequence + n)) % every != 0) continue;
            probes.Add(grains.GetGrain<IUserGrain>(e.UserId).WouldRecommend(e.ItemId, K));
        }
        foreach (var outcome in await Task.WhenAll(probes))
            if (outcome is { } hit) metrics.Evaluated(hit);
    }
}
