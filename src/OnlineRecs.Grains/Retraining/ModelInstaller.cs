using OnlineRecs.Abstractions.Events;
using OnlineRecs.Abstractions.Grains;
using OnlineRecs.Abstractions.Learning;
using OnlineRecs.Abstractions.Retraining;
using OnlineRecs.Core.Online;
using OnlineRecs.Grains.Ingest;
using OnlineRecs.Grains.Telemetry;

namespace OnlineRecs.Grains.Retraining;

/// <summary>
/// Puts a model version into every grain that owns or serves a part of it. The feature tables go first, then the
/// index in one turn (from then on queries answer from the new version: a user grain not yet installed is ranked
/// by the index's own copy of the user), then every user and item, in parallel. Users and items the index knows but
/// the checkpoint does not (they appeared after its snapshot) are reset to nothing, so that re-applying the newer
/// events builds them on the new version exactly as a restart from the checkpoint would.
/// </summary>
public sealed class ModelInstaller(IGrainFactory grains, BatchLearning learning, RecommenderMetrics metrics)
{
    private const int CallsInFlight = 1024;

    private IModelIndexGrain Index => grains.GetGrain<IModelIndexGrain>(0);

    public async Task Install(ModelCheckpoint checkpoint)
    {
        var known = await Index.Known();
        var userFeatures = await grains.GetGrain<IFeatureTableGrain>(IFeatureTableGrain.Users).Install(checkpoint.UserFeatures);
        var itemFeatures = await grains.GetGrain<IFeatureTableGrain>(IFeatureTableGrain.Items).Install(checkpoint.ItemFeatures);
        await Index.Install(IndexContent(checkpoint, userFeatures, itemFeatures));

        var users = checkpoint.Users.Concat(known.Users.Except(checkpoint.Users.Select(u => u.UserId))
            .Select(id => new UserInstall(id, checkpoint.Version, checkpoint.Sequence, [], [], [], [])));
        var items = checkpoint.Items.Concat(known.Items.Except(checkpoint.Items.Select(i => i.ItemId))
            .Select(id => new ItemInstall(id, checkpoint.Version, checkpoint.Sequence, [], [], null)));
        await InBatches(users, u => grains.GetGrain<IUserGrain>(u.UserId).Install(u));
        await InBatches(items, i => grains.GetGrain<IItemGrain>(i.ItemId).Install(i));
        learning.UseFeatureTables(userFeatures, itemFeatures);
        metrics.ModelInstalled(checkpoint.Version);
    }

    private static IndexInstall IndexContent(ModelCheckpoint c, FeatureTableMessage userFeatures, FeatureTableMessage itemFeatures) => new(
        c.Version, c.Sequence, c.Events,
        [.. c.Users.Select(u => Identity(u.UserId, u.Parameters))],
        [.. c.Items.Select(i => Identity(i.ItemId, i.Parameters))],
        [.. c.Users.Where(u => u.Metadata.Length > 0).Select(u => new EntityMetadata(EntityKind.User, u.UserId, u.Metadata, null)),
         .. c.Items.Select(i => new EntityMetadata(EntityKind.Item, i.ItemId, i.Metadata, i.Title))],
        userFeatures, itemFeatures);

    /// <summary>An entity's published identity; an empty one for an entity the model represents by metadata alone.</summary>
    private static IdentityVector Identity(int id, float[] parameters)
    {
        if (parameters.Length == 0) return new IdentityVector(id, ReadOnlyMemory<float>.Empty, 0f);
        var own = new OwnParameters(parameters);
        return new IdentityVector(id, own.Embedding.ToArray(), own.Bias);
    }

    private static async Task InBatches<T>(IEnumerable<T> installs, Func<T, Task> install)
    {
        foreach (var batch in installs.Chunk(CallsInFlight)) await Task.WhenAll(batch.Select(install));
    }
}
