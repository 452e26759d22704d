using OnlineRecs.Core.Hybrid;

namespace OnlineRecs.Core.Retraining;

/// <summary>
/// A full retrain of the hybrid model (WARP or BPR) from scratch on a snapshot, with the identity of every entity
/// that has a positive and all metadata, weighted exactly as the online learners weigh them. The AdaGrad sums come
/// out with the parameters: they say how much each parameter has already learned, so the online steps that
/// follow stay as small as the fit left them. With recent items on, each positive is fitted in the context the user had
/// when it arrived (the snapshot's positives are in stream order).
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
            ItemIdentityWeight = settings.ItemIdentityWeight,
            Threads = settings.Threads,
            Seed = settings.Seed,
        });
        var snapshot = SnapshotInteractions.Of(input);
        var userSpace = new FeatureSpace();
        var itemSpace = new FeatureSpace(settings.ItemIdentityWeight);
        var userFeatures = userSpace.Build(input.Users, input.UserMetadata, snapshot.Users.HasPositive);
        var itemFeatures = itemSpace.Build(input.Items, input.ItemMetadata, snapshot.Items.HasPositive);

        var entryUserRows = settings.RecentItems.Length > 0
            ? settings.RecentItems.EntryRows(snapshot.Matrix, userFeatures,
                input.Positives.Select(p => (snapshot.Users.RowOf(p.UserId), snapshot.Items.RowOf(p.ItemId), p.ItemId)), userSpace)
            : null;

        var losses = new List<double>();
        model.FitPartial(snapshot.Matrix, userFeatures, itemFeatures, settings.EpochsOrDefault, new SyncProgress<EpochProgress>(e =>
        {
            losses.Add(e.Loss);
            progress?.Report(new RetrainProgress(e.Epoch, e.Epochs, e.Loss));
        }), cancellation, entryUserRows);

        return HybridLayout.Export(model, userSpace, itemSpace, input, snapshot.Users, snapshot.Items, [.. losses]);
    }
}
