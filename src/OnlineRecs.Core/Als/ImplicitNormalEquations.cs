namespace OnlineRecs.Core.Als;

/// <summary>
/// The parts of the per-row normal equations that all rows of one side share while the other side
/// is held fixed (Hu et al. eq. 4): xᵤ = (YᵀY + Yᵀ(Cᵤ − I)Y + λI)⁻¹ YᵀCᵤp(u).
/// </summary>
/// <param name="FixedFactors">Y, the fixed side's factors, row-major with <paramref name="Factors"/> columns.</param>
/// <param name="Factors">k, the number of latent factors.</param>
/// <param name="RegularizedGram">YᵀY + λI, row-major k × k.</param>
/// <param name="Alpha">α in cᵤᵢ = 1 + α·rᵤᵢ.</param>
internal sealed record ImplicitNormalEquations(float[] FixedFactors, int Factors, float[] RegularizedGram, float Alpha)
{
    /// <summary>Row indices 0..k-1, so the Gram matrix can go through the same gathered-rows kernel as Y.</summary>
    public int[] GramRows { get; } = [.. Enumerable.Range(0, Factors)];

    /// <summary>Computes YᵀY + λI for the given fixed factors.</summary>
    public static ImplicitNormalEquations For(float[] fixedFactors, int factors, float regularization, float alpha, int threads) =>
        new(fixedFactors, factors, GramMatrix.Compute(fixedFactors, factors, regularization, threads), alpha);
}
