using OnlineRecs.Core.Online;

namespace OnlineRecs.Abstractions.Learning;

/// <summary>A <see cref="GradientSumsMessage{TKey}"/> as it crosses between silos: exactly its keys' rows, row n for Keys[n].</summary>
[GenerateSerializer, Immutable]
public readonly record struct GradientSumsSurrogate<TKey>(
    [property: Id(0)] int Factors,
    [property: Id(1)] TKey[] Keys,
    [property: Id(2)] float[] Gradients,
    [property: Id(3)] float[] Squares,
    [property: Id(4)] float[] Biases,
    [property: Id(5)] float[] BiasSquares) where TKey : notnull;

[RegisterConverter]
public sealed class GradientSumsConverter<TKey> : IConverter<GradientSumsMessage<TKey>, GradientSumsSurrogate<TKey>> where TKey : notnull
{
    public GradientSumsMessage<TKey> ConvertFromSurrogate(in GradientSumsSurrogate<TKey> surrogate) =>
        new(GradientSums<TKey>.Of(surrogate.Factors, surrogate.Keys, surrogate.Gradients, surrogate.Squares, surrogate.Biases, surrogate.BiasSquares));

    public GradientSumsSurrogate<TKey> ConvertToSurrogate(in GradientSumsMessage<TKey> value)
    {
        var (gradients, squares, biases, biasSquares) = value.Sums.Copy();
        return new(value.Sums.Factors, [.. value.Sums.Keys], gradients, squares, biases, biasSquares);
    }
}
