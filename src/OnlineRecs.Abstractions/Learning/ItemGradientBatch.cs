namespace OnlineRecs.Abstractions.Learning;

/// <summary>
/// The summed gradients for one item from one ingest batch. Within a silo the two rows are the batch's own pooled sums,
/// not copies (copying them was a tenth of what learning allocated): read them during the call, never keep them.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ItemGradientBatch(
    [property: Id(0)] long BatchSequence,
    [property: Id(1)] ReadOnlyMemory<float> Gradient,
    [property: Id(2)] ReadOnlyMemory<float> Squares,
    [property: Id(3)] float Bias,
    [property: Id(4)] float BiasSquares);
