namespace OnlineRecs.Core.Hybrid;

/// <summary>The losses of LightFM (Kula 2015) plus k-OS WARP (Weston et al. 2013).</summary>
public enum LossKind { Logistic, Bpr, Warp, WarpKos }

/// <summary>Per-parameter step-size schedules.</summary>
public enum LearningSchedule { AdaGrad, Adadelta }

/// <summary>Hyperparameters of the hybrid model; the defaults are the ones the protocols were tuned with.</summary>
public sealed record HybridOptions
{
    public int Factors { get; init; } = 64;
    public LossKind Loss { get; init; } = LossKind.Warp;
    public LearningSchedule Schedule { get; init; } = LearningSchedule.AdaGrad;
    public float LearningRate { get; init; } = 0.05f;

    /// <summary>Adadelta's decay of its running averages.</summary>
    public float Rho { get; init; } = 0.95f;

    /// <summary>Adadelta's conditioning constant.</summary>
    public float Epsilon { get; init; } = 1e-6f;

    /// <summary>L2 penalty on user feature parameters.</summary>
    public float UserAlpha { get; init; }

    /// <summary>L2 penalty on item feature parameters.</summary>
    public float ItemAlpha { get; init; }

    public const float DefaultItemIdentityWeight = 0.7f;

    /// <summary>
    /// The weight of an item's identity feature in p_i (a user's weighs 1). Below 1 the identity learns more slowly than
    /// the item's metadata, which is then left more of what the item is: all a cold item has. On ml-latest-small 0.7
    /// lifted coldstart-items P@10 from 0.151 to 0.156 (logistic) and left the split's WARP NDCG@10 and the prequential
    /// HR@10 where they were; 0.5 went a little further on cold items but cost the prequential 0.002.
    /// </summary>
    public float ItemIdentityWeight { get; init; } = DefaultItemIdentityWeight;

    /// <summary>WARP: negatives tried per positive before giving up.</summary>
    public int MaxSampled { get; init; } = 10;

    /// <summary>WARP-kOS: positives sampled per user, and which of them (by rank) is updated.</summary>
    public int KosN { get; init; } = 10;
    public int KosK { get; init; } = 5;

    /// <summary>Cap on WARP's rank-based loss weight, as LightFM.</summary>
    public float MaxLoss { get; init; } = 10f;

    public int Threads { get; init; } = 1;
    public ulong Seed { get; init; } = 42;

    public void Validate()
    {
        if (Factors <= 0) throw new ArgumentOutOfRangeException(nameof(Factors), "Factors must be positive.");
        if (!(LearningRate > 0) || !float.IsFinite(LearningRate)) throw new ArgumentOutOfRangeException(nameof(LearningRate), "The learning rate must be a positive finite number.");
        if (UserAlpha < 0 || ItemAlpha < 0) throw new ArgumentOutOfRangeException(nameof(UserAlpha), "L2 penalties cannot be negative.");
        if (MaxSampled <= 0) throw new ArgumentOutOfRangeException(nameof(MaxSampled), "MaxSampled must be positive.");
        if (KosK <= 0 || KosN < KosK) throw new ArgumentOutOfRangeException(nameof(KosK), "k-OS needs 0 < k <= n.");
        if (!(ItemIdentityWeight > 0) || !float.IsFinite(ItemIdentityWeight)) throw new ArgumentOutOfRangeException(nameof(ItemIdentityWeight), "The item identity weight must be a positive finite number.");
        if (Threads <= 0) throw new ArgumentOutOfRangeException(nameof(Threads), "Threads must be positive.");
        if (!(Rho is > 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(Rho), "Rho must lie in (0, 1).");
    }
}
