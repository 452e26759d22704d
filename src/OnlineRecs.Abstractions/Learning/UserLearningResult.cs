namespace OnlineRecs.Abstractions.Learning;

/// <summary>
/// What a user grain learned from its share of a batch: the gradients for the items and for the shared
/// user-metadata features (their owners apply them), the user's new identity vector for the index,
/// and the loss for telemetry. The embedding is the user's own memory, valid until the user's next batch.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record UserLearningResult(
    [property: Id(0)] int UserId,
    [property: Id(1)] GradientSumsMessage<int> ItemGradients,
    [property: Id(2)] GradientSumsMessage<string> FeatureGradients,
    [property: Id(3)] ReadOnlyMemory<float> Embedding,
    [property: Id(4)] float Bias,
    [property: Id(5)] string[] MetadataFeatures,
    [property: Id(6)] double LossSum,
    [property: Id(7)] long Updates);
