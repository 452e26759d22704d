namespace OnlineRecs.Core.Als;

/// <summary>Reported after each full ALS iteration.</summary>
/// <param name="Iteration">1-based number of the iteration just finished.</param>
/// <param name="Seconds">Wall time of that iteration's two sweeps.</param>
/// <param name="Objective">Hu et al. eq. 3 after the iteration, if <see cref="AlsOptions.ComputeObjective"/> is set.</param>
public readonly record struct AlsProgress(int Iteration, double Seconds, double? Objective);
