using System.Numerics.Tensors;

namespace OnlineRecs.Core.Data;

/// <summary>
/// The unit-length latent vectors a synthetic data set was generated from, one row per user and
/// per item (row = id − 1), so models can be checked against the truth they should recover.
/// </summary>
public sealed class PlantedFactors(int rank, float[] userVectors, float[] itemVectors)
{
    public int Rank { get; } = rank;

    public int Users => userVectors.Length / Rank;

    public int Items => itemVectors.Length / Rank;

    public ReadOnlySpan<float> User(int userId) => userVectors.AsSpan((userId - 1) * Rank, Rank);

    public ReadOnlySpan<float> Item(int itemId) => itemVectors.AsSpan((itemId - 1) * Rank, Rank);

    /// <summary>The planted affinity: the cosine of the user's and the item's vectors.</summary>
    public float Score(int userId, int itemId) => TensorPrimitives.Dot(User(userId), Item(itemId));
}
