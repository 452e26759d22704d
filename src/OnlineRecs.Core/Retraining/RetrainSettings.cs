namespace OnlineRecs.Core.Retraining;

/// <summary>How a full retrain fits; zero epochs or rates take each algorithm's tuned default.</summary>
public sealed record RetrainSettings
{
    public RetrainAlgorithm Algorithm { get; init; } = RetrainAlgorithm.Warp;
    public int Factors { get; init; } = 64;

    /// <summary>Epochs (hybrid) or iterations (ALS); 0 takes the default: 40 WARP, 30 BPR, 15 ALS.</summary>
    public int Epochs { get; init; }

    /// <summary>The hybrid model's AdaGrad learning rate.</summary>
    public float LearningRate { get; init; } = 0.03f;

    /// <summary>ALS: α in the confidence c = 1 + α·w.</summary>
    public float AlsAlpha { get; init; } = 6f;

    /// <summary>ALS: λ, the L2 penalty on factors.</summary>
    public float AlsRegularization { get; init; } = 30f;

    /// <summary>After ALS, the ridge penalty of the metadata → factors mapping.</summary>
    public float RidgeRegularization { get; init; } = 0.1f;

    /// <summary>Hybrid: a user is also its last K positives, each positive fitted in the context it arrived in; length 0 turns that off.</summary>
    public Hybrid.RecentItemsContext RecentItems { get; init; } = new(0, 1f);

    /// <summary>The weight of an item's identity in p_i (<see cref="Hybrid.HybridOptions.ItemIdentityWeight"/>).</summary>
    public float ItemIdentityWeight { get; init; } = Hybrid.HybridOptions.DefaultItemIdentityWeight;

    /// <summary>Threads for training; one leaves the other core to ingest and queries.</summary>
    public int Threads { get; init; } = 1;

    public ulong Seed { get; init; } = 42;

    public int EpochsOrDefault => Epochs > 0 ? Epochs : Algorithm switch
    {
        RetrainAlgorithm.Als => 15,
        RetrainAlgorithm.Bpr => 30,
        _ => 40,
    };
}
