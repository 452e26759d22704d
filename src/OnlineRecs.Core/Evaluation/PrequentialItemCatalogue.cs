using OnlineRecs.Core.Randomness;
using OnlineRecs.Core.Hybrid;

namespace OnlineRecs.Core.Evaluation;

/// <summary>The items an online step may take as negatives: those the stream has shown so far.</summary>
internal sealed class PrequentialItemCatalogue(PrequentialFeatureRows rows, PrequentialHistory history) : IItemCatalogue
{
    public int Count => history.SeenItems.Count;

    public int FeatureCount => rows.FeatureCount;

    public int Draw(ref FastRandom random) => history.SeenItems[random.Next(history.SeenItems.Count)];

    public FeatureRow Row(int item) => rows.Row(item);
}
