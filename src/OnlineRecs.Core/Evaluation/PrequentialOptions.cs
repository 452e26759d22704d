using OnlineRecs.Core.Training;

namespace OnlineRecs.Core.Evaluation;

/// <summary>One run of the prequential protocol: the model and its hyperparameters, and how it takes in the stream.</summary>
public sealed record PrequentialOptions
{
    public required ModelParameters Parameters { get; init; }

    public PrequentialMode Mode { get; init; } = PrequentialMode.Online;

    /// <summary>Replayed events between full retrains; null means a tenth of the replay.</summary>
    public int? RetrainEvery { get; init; }

    /// <summary>
    /// Hybrid models: loss steps taken on an arriving positive of a user with one positive; a user with
    /// n positives takes steps/√n. Each step draws fresh negatives, so a new user learns fast from its
    /// first events while an established one does not overfit its latest item. On ml-latest-small HR@10
    /// rises with the steps (0.080 with one, 0.094 with 40, 0.097 with 60); on a synthetic stream 60 fell
    /// below the frozen model and 40 stays above it, as does no fixed count above 5.
    /// </summary>
    public int OnlineSteps { get; init; } = DefaultOnlineSteps;

    public const int DefaultOnlineSteps = Online.OnlineSteps.Default;

    /// <summary>
    /// Hybrid models: a user is also its last K positives (<see cref="Hybrid.RecentItemsContext"/>); 0 turns that off.
    /// On ml-latest-small (warp) it lifts HR@10 online from 0.095 to 0.110 and online+retrain from 0.094 to 0.111 (K = 3;
    /// 5 and 10 do about as well, 20 worse): users there rate in sittings, and what they just rated says what is next.
    /// </summary>
    public int RecentItems { get; init; } = DefaultRecentItems;

    public const int DefaultRecentItems = 3;

    /// <summary>The weight the recent items share (an identity feature weighs 1).</summary>
    public float RecentItemsWeight { get; init; } = 1f;

    public float Threshold { get; init; } = Protocols.DefaultThreshold;

    /// <summary>The retrain interval for a replay of <paramref name="replayEvents"/> events.</summary>
    public int RetrainIntervalFor(int replayEvents) => RetrainEvery ?? Math.Max(1, replayEvents / PrequentialTally.Parts);
}
