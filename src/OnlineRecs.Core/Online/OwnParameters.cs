using OnlineRecs.Core.Randomness;

namespace OnlineRecs.Core.Online;

/// <summary>
/// What one user or item owns outright: its identity embedding and bias, with their AdaGrad sums,
/// laid out in one array [embedding (k), squared sums (k), bias, bias squared sum] so that a grain
/// stores and ships it as a single <c>float[]</c>.
/// </summary>
public readonly struct OwnParameters(float[] values)
{
    public float[] Values { get; } = values;

    public int Factors => (Values.Length - 2) / 2;

    public Span<float> Embedding => Values.AsSpan(0, Factors);

    /// <summary>The embedding itself as memory, to hand over without a copy to whoever copies it before it next moves.</summary>
    public ReadOnlyMemory<float> EmbeddingMemory => Values.AsMemory(0, Factors);

    public Span<float> EmbeddingSquares => Values.AsSpan(Factors, Factors);

    public ref float Bias => ref Values[2 * Factors];

    public ref float BiasSquares => ref Values[2 * Factors + 1];

    public static int Length(int factors) => 2 * factors + 2;

    /// <summary>
    /// Fresh parameters as LightFM starts them (embedding uniform in (−0.5, 0.5)/k, bias 0, AdaGrad sums 1),
    /// drawn from a stream keyed by the entity, so every replica and every replay of the log agrees.
    /// </summary>
    public static OwnParameters Initial(int factors, ulong seed, long entityId)
    {
        var parameters = new OwnParameters(new float[Length(factors)]);
        var random = new FastRandom(SplitMix64.Mix(seed ^ (ulong)entityId));
        var embedding = parameters.Embedding;
        for (var c = 0; c < factors; c++) embedding[c] = (random.NextFloat() - 0.5f) / factors;
        parameters.EmbeddingSquares.Fill(1f);
        parameters.BiasSquares = 1f;
        return parameters;
    }
}
