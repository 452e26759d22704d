using OnlineRecs.Core.Randomness;
namespace OnlineRecs.Core.Hybrid;

/// <summary>
/// What a loss step reads and moves. An epoch over an interaction matrix, one live event in a whole
/// model, and one live event in a user grain that owns only its own parameters all provide it, so
/// the loss math exists once for offline and online training.
/// </summary>
internal interface ILossContext
{
    HybridOptions Options { get; }

    /// <summary>n, the size of the catalogue negatives come from; WARP's rank estimate scales with it.</summary>
    int ItemCount { get; }

    /// <summary>A candidate negative, uniformly among the catalogue.</summary>
    int DrawItem(ref FastRandom random);

    bool IsPositive(int user, int item);

    /// <summary>Writes q_u into <paramref name="into"/> and returns b_u.</summary>
    float RepresentUser(int user, Span<float> into);

    /// <summary>Writes p_i into <paramref name="into"/> and returns b_i.</summary>
    float RepresentItem(int item, Span<float> into);

    /// <summary>Steps the user's parameters against the gradient scale · direction (embedding) and biasGradient (bias).</summary>
    void DescendUser(int user, float scale, ReadOnlySpan<float> direction, float biasGradient);

    /// <summary>Steps the item's parameters against the gradient scale · direction (embedding) and biasGradient (bias).</summary>
    void DescendItem(int item, float scale, ReadOnlySpan<float> direction, float biasGradient);
}
