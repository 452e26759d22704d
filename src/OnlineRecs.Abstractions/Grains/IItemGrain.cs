using OnlineRecs.Abstractions.Learning;
using OnlineRecs.Abstractions.Retraining;
using OnlineRecs.Abstractions.Serving;

namespace OnlineRecs.Abstractions.Grains;

/// <summary>One item, keyed by the data set's item id: its identity parameters, metadata and title.</summary>
public interface IItemGrain : IGrainWithIntegerKey
{
    /// <summary>Applies one batch's summed gradients to the item's identity parameters.</summary>
    Task<ItemLearningResult> Learn(ItemGradientBatch batch);

    Task SetMetadata(string[] features, string? title);

    Task Install(ItemInstall install);

    Task<ItemSnapshot> Snapshot();
}
