namespace OnlineRecs.Abstractions.Learning;

/// <summary>
/// An item's identity vector after it applied a batch's gradients, and its metadata features with their
/// weights, by which the batch shares the item's gradient out to those features. The embedding is the item's own
/// memory: it holds until the item's next batch, which comes only after this batch is published.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ItemLearningResult(
    [property: Id(0)] int ItemId,
    [property: Id(1)] ReadOnlyMemory<float> Embedding,
    [property: Id(2)] float Bias,
    [property: Id(3)] string[] MetadataFeatures,
    [property: Id(4)] float[] MetadataWeights);
