using OnlineRecs.Core.Retraining;

namespace OnlineRecs.Grains.Retraining;

/// <summary>When and how the coordinator runs full retrains; bound from the <c>OnlineRecs:Retrain</c> configuration section.</summary>
public sealed class RetrainOptions
{
    public const string Section = "OnlineRecs:Retrain";

    /// <summary><c>warp</c> (default), <c>bpr</c> or <c>als</c>: what scheduled retrains and a bare request run.</summary>
    public string Algorithm { get; set; } = "warp";

    /// <summary>Retrain once this many new records have been learned since the last retrain's snapshot; 0: never.</summary>
    public long EveryEvents { get; set; }

    /// <summary>Retrain this many minutes after the last one (or the silo's start); 0: never.</summary>
    public double EveryMinutes { get; set; }

    /// <summary>Epochs (hybrid) or iterations (ALS); 0: the algorithm's default.</summary>
    public int Epochs { get; set; }

    /// <summary>Training threads; one leaves the other core of a small machine to ingest and queries.</summary>
    public int Threads { get; set; } = 1;

    /// <summary>
    /// How far below the silo the training threads run (Linux nice, 0–19; 0: the same priority). At 10 a retrain
    /// takes little more than the CPU that ingest and queries leave idle.
    /// </summary>
    public int Nice { get; set; } = 10;

    /// <summary>
    /// Rounds, at most, of learning the events that arrived during the fit off the grains' threads, each round taking
    /// what arrived during the one before, until fewer than <see cref="CatchUpTail"/> are left; what remains is re-applied
    /// through the grains with ingest held. 0: all of it through the grains.
    /// </summary>
    public int CatchUpRounds { get; set; } = 8;

    /// <summary>Events few enough to re-apply through the grains with ingest held.</summary>
    public long CatchUpTail { get; set; } = 1024;

    public float LearningRate { get; set; } = 0.03f;
    public float AlsAlpha { get; set; } = 6f;
    public float AlsRegularization { get; set; } = 30f;
    public float RidgeRegularization { get; set; } = 0.1f;

    public bool Scheduled => EveryEvents > 0 || EveryMinutes > 0;

    public RetrainAlgorithm DefaultAlgorithm => RetrainAlgorithms.Parse(Algorithm)
        ?? throw new InvalidOperationException($"{Section}:Algorithm must be als, warp or bpr, not '{Algorithm}'.");

    public RetrainSettings SettingsFor(RetrainAlgorithm algorithm, OnlineLearningOptions learning) => new()
    {
        Algorithm = algorithm,
        Factors = learning.Factors,
        Epochs = Epochs,
        LearningRate = LearningRate,
        AlsAlpha = AlsAlpha,
        AlsRegularization = AlsRegularization,
        RidgeRegularization = RidgeRegularization,
        Threads = Threads,
        RecentItems = learning.RecentItemsContext,
        ItemIdentityWeight = learning.ItemIdentityWeight,
        Seed = learning.Seed,
    };

    public void Validate()
    {
        _ = DefaultAlgorithm;
        if (EveryEvents < 0 || EveryMinutes < 0 || !double.IsFinite(EveryMinutes))
            throw new InvalidOperationException($"{Section}: EveryEvents and EveryMinutes must be 0 (off) or positive.");
        if (Nice is < 0 or > 19) throw new InvalidOperationException($"{Section}:Nice must lie in 0–19.");
        if (CatchUpRounds < 0 || CatchUpTail < 0) throw new InvalidOperationException($"{Section}: CatchUpRounds and CatchUpTail cannot be negative.");
        if (Epochs < 0 || Threads <= 0) throw new InvalidOperationException($"{Section}: Epochs cannot be negative and Threads must be positive.");
        if (!(LearningRate > 0) || !(AlsAlpha >= 0) || !(AlsRegularization >= 0) || !(RidgeRegularization > 0))
            throw new InvalidOperationException($"{Section}: rates and penalties must be positive numbers.");
    }
}
