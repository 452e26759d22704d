using OnlineRecs.Core.Online;

namespace OnlineRecs.Abstractions.Learning;

/// <summary>
/// Summed gradients and squared gradients per key, as <see cref="GradientSums{TKey}"/> gathered them: row n of the
/// arrays belongs to <c>Keys[n]</c>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record GradientSumsMessage<TKey>(
    [property: Id(0)] TKey[] Keys,
    [property: Id(1)] float[] Gradients,
    [property: Id(2)] float[] Squares,
    [property: Id(3)] float[] Biases,
    [property: Id(4)] float[] BiasSquares) where TKey : notnull
{
    public static GradientSumsMessage<TKey> From(GradientSums<TKey> sums)
    {
        var (gradients, squares, biases, biasSquares) = sums.Copy();
        return new([.. sums.Keys], gradients, squares, biases, biasSquares);
    }

    /// <summary>Adds every key's sums into <paramref name="into"/>, each scaled by <paramref name="weight"/>.</summary>
    public void AddTo(GradientSums<TKey> into, float weight = 1f)
    {
        var k = into.Factors;
        for (var n = 0; n < Keys.Length; n++)
            into.AddSums(Keys[n], weight, Gradients.AsSpan(n * k, k), Squares.AsSpan(n * k, k), Biases[n], BiasSquares[n]);
    }
}
