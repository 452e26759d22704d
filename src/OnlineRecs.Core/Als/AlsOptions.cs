namespace OnlineRecs.Core.Als;

/// <summary>How each row's least-squares problem is solved in a sweep.</summary>
public enum AlsSolver
{
    /// <summary>A few warm-started conjugate-gradient steps per row: O(k² + |I(u)|·k) each.</summary>
    ConjugateGradient,

    /// <summary>The exact solution by Cholesky factorization: O(|I(u)|·k² + k³) per row.</summary>
    Cholesky,
}

/// <summary>Hyper-parameters of <see cref="ImplicitAls"/>; defaults follow the implicit library.</summary>
public sealed record AlsOptions
{
    /// <summary>k, the number of latent factors per user and item.</summary>
    public int Factors { get; init; } = 64;

    /// <summary>λ, the L2 penalty on every factor vector.</summary>
    public float Regularization { get; init; } = 0.01f;

    /// <summary>α in the confidence cᵤᵢ = 1 + α·rᵤᵢ.</summary>
    public float Alpha { get; init; } = 1f;

    /// <summary>Full iterations (a user sweep followed by an item sweep) per <see cref="ImplicitAls.Fit"/>.</summary>
    public int Iterations { get; init; } = 15;

    /// <summary>Conjugate-gradient steps per row and sweep, when <see cref="Solver"/> is conjugate gradient.</summary>
    public int CgSteps { get; init; } = 3;

    /// <summary>The per-row solver.</summary>
    public AlsSolver Solver { get; init; } = AlsSolver.ConjugateGradient;

    /// <summary>Worker threads for the sweeps; with 1 thread a fit is bit-for-bit repeatable for a seed.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Seed of the random initial factors.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Whether progress reports carry the objective, which costs an extra pass over the data.</summary>
    public bool ComputeObjective { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Factors, 1, nameof(Factors));
        ArgumentOutOfRangeException.ThrowIfNegative(Regularization, nameof(Regularization));
        ArgumentOutOfRangeException.ThrowIfNegative(Alpha, nameof(Alpha));
        ArgumentOutOfRangeException.ThrowIfNegative(Iterations, nameof(Iterations));
        ArgumentOutOfRangeException.ThrowIfLessThan(CgSteps, 1, nameof(CgSteps));
        ArgumentOutOfRangeException.ThrowIfLessThan(Threads, 1, nameof(Threads));
    }
}
