using OnlineRecs.Core.Randomness;
namespace OnlineRecs.Core.Hybrid;

/// <summary>The items an online step may draw negatives from, and the feature row of any item it names.</summary>
public interface IItemCatalogue
{
    /// <summary>n, how many items a draw chooses among; WARP's rank estimate scales with it.</summary>
    int Count { get; }

    /// <summary>The size of the item feature vocabulary, so the model can grow its tables before a step.</summary>
    int FeatureCount { get; }

    /// <summary>One of the <see cref="Count"/> candidates, uniformly.</summary>
    int Draw(ref FastRandom random);

    FeatureRow Row(int item);
}
