using OnlineRecs.Core.Hybrid;

namespace OnlineRecs.Grains;

/// <summary>How the cluster learns from each event; bound from the <c>OnlineRecs:Learning</c> configuration section.</summary>
public sealed class OnlineLearningOptions
{
    public const string Section = "OnlineRecs:Learning";

    public int Factors { get; set; } = 64;

    /// <summary><c>warp</c> (default), <c>bpr</c> or <c>logistic</c>.</summary>
    public string Loss { get; set; } = "warp";

    public float LearningRate { get; set; } = 0.03f;

    /// <summary>WARP: negatives tried per step before giving up.</summary>
    public int MaxSampled { get; set; } = 10;

    /// <summary>
    /// Loss steps for a user's first positive; a user with n positives takes this/√n. The cluster's default is twice the
    /// in-process one: on ml-latest-small's live prequential replay 80 reaches HR@10 0.0971 where 40 reaches 0.0932,
    /// while learning from the stream alone (protocol split) gives a little back (NDCG@10 0.163 against 0.173).
    /// </summary>
    public int OnlineSteps { get; set; } = 2 * Core.Online.OnlineSteps.Default;

    /// <summary>Ratings at or above this are positives that the model learns from; all ratings mark the item seen.</summary>
    public float PositiveThreshold { get; set; } = 4f;

    /// <summary>Whether an event is learned from: a rating at the threshold or above, with a weight (0 marks the item seen, no more).</summary>
    public bool IsPositive(float rating, float weight) => rating >= PositiveThreshold && weight > 0;

    /// <summary>
    /// Loss steps per positive event on the user's earlier positives, drawn uniformly. A stream passes each event once;
    /// rehearsing earlier ones lets a single pass learn as several epochs would (on ml-latest-small one offline epoch
    /// reaches NDCG@10 0.146, three reach 0.181).
    /// </summary>
    public int RehearsalSteps { get; set; } = 8;

    /// <summary>
    /// Earlier positives replayed per positive event, drawn uniformly from a sample of the stream so far
    /// (<see cref="Core.Online.ReplayReservoir"/>) and learned again by their users against the items as they are now;
    /// 0 turns replay off. Learning from the stream alone (protocol split on ml-latest-small) went from NDCG@10 0.15
    /// to 0.19–0.20 with 16 replays of one step (8 of two steps cost the same and reached 0.188).
    /// </summary>
    public int ReplaysPerPositive { get; set; } = 16;

    /// <summary>Loss steps per replayed positive.</summary>
    public int ReplaySteps { get; set; } = 1;

    /// <summary>Positives the replay sample holds at most (8 bytes each); beyond it, each new one replaces a random one.</summary>
    public int ReplayCapacity { get; set; } = 1_000_000;

    /// <summary>
    /// Catalogue items sent with each ingest batch for drawing negatives and rehearsing: the whole catalogue up to this
    /// size, a uniform sample beyond it.
    /// </summary>
    public int CandidateSample { get; set; } = 16_384;

    /// <summary>
    /// Grain calls a group keeps in flight while it fans out to its users and then to its items (by default 4 per core).
    /// Thousands at once would queue ahead of every query that arrives meanwhile: on 2 cores, a window of 8 took the
    /// query p99 while ingesting 10k/s from 9.5–9.8 ms to 5.5–7 ms and the ingest ack p99 from 16 ms to 8–11 ms.
    /// </summary>
    public int CallsInFlight { get; set; } = 4 * Environment.ProcessorCount;

    /// <summary>
    /// A user is also its last K positives (<c>recent=&lt;item&gt;</c> features in the user-feature table), so what it
    /// just liked steers what comes next; 0 turns that off. In-process on ml-latest-small, K = 3 lifted the prequential
    /// HR@10 from 0.096 to 0.110.
    /// </summary>
    public int RecentItems { get; set; } = 3;

    /// <summary>The weight a user's recent items share (its identity weighs 1).</summary>
    public float RecentItemsWeight { get; set; } = 1f;

    public RecentItemsContext RecentItemsContext => new(RecentItems, RecentItemsWeight);

    /// <summary>The weight of an item's identity in p_i; see <see cref="HybridOptions.ItemIdentityWeight"/>.</summary>
    public float ItemIdentityWeight { get; set; } = HybridOptions.DefaultItemIdentityWeight;

    public ulong Seed { get; set; } = 42;

    public LossKind LossKind => Loss.ToLowerInvariant() switch
    {
        "warp" => LossKind.Warp,
        "bpr" => LossKind.Bpr,
        "logistic" => LossKind.Logistic,
        _ => throw new InvalidOperationException($"{Section}:Loss must be warp, bpr or logistic, not '{Loss}'."),
    };

    /// <summary>The per-event learning a retrain's catch-up repeats off the grains.</summary>
    public Core.Retraining.CatchUpSettings ToCatchUpSettings() => new(ToHybridOptions(), OnlineSteps, RehearsalSteps, RecentItemsContext);

    public HybridOptions ToHybridOptions()
    {
        var options = new HybridOptions
        {
            Factors = Factors,
            Loss = LossKind,
            LearningRate = LearningRate,
            MaxSampled = MaxSampled,
            ItemIdentityWeight = ItemIdentityWeight,
            Seed = Seed,
        };
        options.Validate();
        if (OnlineSteps <= 0) throw new InvalidOperationException($"{Section}:OnlineSteps must be positive.");
        if (RehearsalSteps < 0) throw new InvalidOperationException($"{Section}:RehearsalSteps cannot be negative.");
        if (RecentItems < 0) throw new InvalidOperationException($"{Section}:RecentItems cannot be negative.");
        if (!float.IsFinite(RecentItemsWeight) || RecentItemsWeight <= 0) throw new InvalidOperationException($"{Section}:RecentItemsWeight must be positive.");
        if (ReplaysPerPositive < 0) throw new InvalidOperationException($"{Section}:ReplaysPerPositive cannot be negative.");
        if (ReplaySteps <= 0) throw new InvalidOperationException($"{Section}:ReplaySteps must be positive.");
        if (ReplayCapacity <= 0) throw new InvalidOperationException($"{Section}:ReplayCapacity must be positive.");
        if (CallsInFlight <= 0) throw new InvalidOperationException($"{Section}:CallsInFlight must be positive.");
        if (CandidateSample <= 0) throw new InvalidOperationException($"{Section}:CandidateSample must be positive.");
        if (!float.IsFinite(PositiveThreshold)) throw new InvalidOperationException($"{Section}:PositiveThreshold must be finite.");
        return options;
    }
}
