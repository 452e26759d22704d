using OnlineRecs.Core.Hybrid;

namespace OnlineRecs.Core.Training;

/// <summary>
/// What to train and how. Unset values take the model's defaults (<see cref="ForModel"/>), chosen
/// so that a bare <c>--model warp</c> or <c>--model als</c> is already good.
/// </summary>
public sealed record ModelParameters
{
    public required ModelKind Model { get; init; }
    public int Factors { get; init; } = 64;
    public int Epochs { get; init; }
    public float LearningRate { get; init; }
    public float Alpha { get; init; }
    public float Regularization { get; init; }
    public int Threads { get; init; } = 2;
    public ulong Seed { get; init; } = 42;
    public bool UseFeatures { get; init; } = true;

    public static ModelParameters ForModel(ModelKind model) => model switch
    {
        ModelKind.Als => new() { Model = model, Epochs = 15, Alpha = 6f, Regularization = 30f },
        ModelKind.Popularity => new() { Model = model, Factors = 0, UseFeatures = false },
        ModelKind.WarpKos => new() { Model = model, Epochs = 60, LearningRate = 0.05f },
        ModelKind.Warp => new() { Model = model, Epochs = 40, LearningRate = 0.03f },
        _ => new() { Model = model, Epochs = 30, LearningRate = 0.05f },
    };

    /// <summary>The hybrid model's options for these parameters (the L2 penalty applies to both sides).</summary>
    public HybridOptions ToHybridOptions() => new()
    {
        Factors = Factors,
        Loss = Model switch
        {
            ModelKind.Bpr => LossKind.Bpr,
            ModelKind.Logistic => LossKind.Logistic,
            ModelKind.WarpKos => LossKind.WarpKos,
            _ => LossKind.Warp,
        },
        LearningRate = LearningRate,
        UserAlpha = Regularization,
        ItemAlpha = Regularization,
        Threads = Threads,
        Seed = Seed,
    };
}
