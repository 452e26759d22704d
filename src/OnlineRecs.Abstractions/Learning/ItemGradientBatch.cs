namespace OnlineRecs.Abstractions.Learning;

/// <summary>The summed gradients for one item from one ingest batch.</summary>
[GenerateSerializer, Immutable]
public sealed record ItemGradientBatch(
    [property: Id(0)] long BatchSequence,
    [property: Id(1)] float[] Gradient,
    [property: Id(2)] float[] Squares,
    [property: Id(3)] float Bias,
    [property: Id(4)] float BiasSquares);
