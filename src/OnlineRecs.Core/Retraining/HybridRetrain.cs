using OnlineRecs.Core.Hybrid;

namespace OnlineRecs.Core.Retraining;

/// <summary>
/// A full retrain of the hybrid model (WARP or BPR) from scratch on a snapshot, with the identity of every entity
/// that has a positive and all metadata, weighted exactly as the online learners weigh them. The AdaGrad sums come
/// out with the parameters: they say how much each parameter has already learned, so the online steps that
/// follow stay as small as the fit left them.
/// </summary>
public static class HybridRetrain
{
    public static RetrainedModel Fit(RetrainInput input, RetrainSettings settings, IProgress<RetrainProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        var model = new HybridModel(new HybridOptions
        {
            Factors = settings.Factors,
            Loss = settings.Algorithm == RetrainAlgorithm.Bpr ? LossKind.Bpr : LossKind.Warp,
            LearningRate = settings.LearningRate,
            Threads = settings.Threads,
            Seed = settings.Seed,
        });
        var (users, items, interactions) = SnapshotInteractions.Of(input);
        var userSpace = new FeatureSpace();
        var itemSpace = new FeatureSpace();
        var userFeatures = userSpace.Build(input.Users, input.UserMetadata, users.HasPositive);
        var itemFeatures = itemSpace.Build(input.Items, input.ItemMetadata, items.HasPositive);

        var losses = new List<double>();
        model.FitPartial(interactions, userFeatures, itemFeatures, settings.EpochsOrDefault, new SyncProgress<EpochProgress>(e =>
        {
            losses.Add(e.Loss);
            progress?.Report(new RetrainProgress(e.Epoch, e.Epochs, e.Loss));
        }), cancellation);

        return new RetrainedModel(
            Identities(model.Users, userSpace, input.Users, users),
            Identities(model.Items, itemSpace, input.Items, items),
            MetadataTable(model.Users, userSpace),
            MetadataTable(model.Items, itemSpace),
            [.. losses]);
    }

    private static Dictionary<int, float[]> Identities(FeatureParameters parameters, FeatureSpace space, int[] ids, SnapshotSide side)
    {
        var identities = new Dictionary<int, float[]>();
        for (var row = 0; row < ids.Length; row++)
            if (side.HasPositive(row)) identities[ids[row]] = Own(parameters, space.Features.IndexOf(FeatureSpace.IdentityFeature(ids[row])));
        return identities;
    }

    private static FeatureTableParameters MetadataTable(FeatureParameters parameters, FeatureSpace space)
    {
        var names = space.Features.Ids.Where(n => !n.StartsWith("id=", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        return new FeatureTableParameters(names, [.. names.Select(n => Own(parameters, space.Features.IndexOf(n)))]);
    }

    private static float[] Own(FeatureParameters parameters, int feature)
    {
        var k = parameters.Factors;
        var own = new Online.OwnParameters(new float[Online.OwnParameters.Length(k)]);
        parameters.Embedding(feature).CopyTo(own.Embedding);
        parameters.EmbeddingState.AsSpan(feature * k, k).CopyTo(own.EmbeddingSquares);
        own.Bias = parameters.Biases[feature];
        own.BiasSquares = parameters.BiasState[feature];
        return own.Values;
    }
}
