namespace OnlineRecs.Core.Retraining;

/// <summary>The full retrains on offer: implicit ALS, or the hybrid model with the WARP or BPR loss.</summary>
public enum RetrainAlgorithm { Als, Warp, Bpr }

public static class RetrainAlgorithms
{
    public static string Name(this RetrainAlgorithm algorithm) => algorithm.ToString().ToLowerInvariant();

    /// <summary>Null when <paramref name="name"/> names no algorithm.</summary>
    public static RetrainAlgorithm? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "als" => RetrainAlgorithm.Als,
        "warp" => RetrainAlgorithm.Warp,
        "bpr" => RetrainAlgorithm.Bpr,
        _ => null,
    };
}
