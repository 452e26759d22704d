using OnlineRecs.Core.Randomness;
namespace OnlineRecs.Core.Hybrid;

/// <summary>
/// What a loss step reads about the data it learns from. An epoch over an interaction matrix and one live
/// event both provide it, so the loss math exists once for offline and online training.
/// </summary>
internal interface ILossContext
{
    HybridModel Model { get; }

    /// <summary>n, the number of candidate negatives; WARP's rank estimate scales with it.</summary>
    int ItemCount { get; }

    /// <summary>A candidate negative, uniformly among <see cref="ItemCount"/>.</summary>
    int DrawItem(ref FastRandom random);

    bool IsPositive(int user, int item);

    FeatureRow UserRow(int user);

    FeatureRow ItemRow(int item);
}
