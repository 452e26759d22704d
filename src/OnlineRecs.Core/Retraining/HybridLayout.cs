using OnlineRecs.Core.Hybrid;
using OnlineRecs.Core.Online;

namespace OnlineRecs.Core.Retraining;

/// <summary>
/// Moves a hybrid model between its own layout (one parameter row per feature of a <see cref="FeatureSpace"/>) and the
/// cluster's (<see cref="RetrainedModel"/>: each entity's identity in the <see cref="OwnParameters"/> layout, and a
/// table per side of metadata features), AdaGrad sums included, so learning goes on where it stopped.
/// </summary>
internal static class HybridLayout
{
    public static RetrainedModel Export(HybridModel model, FeatureSpace userSpace, FeatureSpace itemSpace, RetrainInput input,
        SnapshotSide users, SnapshotSide items, double[] epochLosses) => new(
        Identities(model.Users, userSpace, input.Users, users),
        Identities(model.Items, itemSpace, input.Items, items),
        MetadataTable(model.Users, userSpace),
        MetadataTable(model.Items, itemSpace),
        epochLosses);

    /// <summary>A vocabulary that already names every feature <paramref name="identities"/> and <paramref name="table"/> hold.</summary>
    public static FeatureSpace Vocabulary(IReadOnlyDictionary<int, float[]> identities, FeatureTableParameters table,
        float identityWeight = 1f)
    {
        var space = new FeatureSpace(identityWeight);
        foreach (var name in table.Names) space.Features.GetOrAdd(name);
        foreach (var id in identities.Keys) space.Features.GetOrAdd(FeatureSpace.IdentityFeature(id));
        return space;
    }

    /// <summary>Writes the identities and the table into their rows of <paramref name="parameters"/>, grown to the whole vocabulary.</summary>
    public static void Import(FeatureParameters parameters, FeatureSpace space, LearningSchedule schedule,
        IReadOnlyDictionary<int, float[]> identities, FeatureTableParameters table)
    {
        parameters.EnsureCount(space.Features.Count, schedule);
        for (var n = 0; n < table.Names.Length; n++) Write(parameters, space.Features.IndexOf(table.Names[n]), table.Parameters[n]);
        foreach (var (id, values) in identities) Write(parameters, space.Features.IndexOf(FeatureSpace.IdentityFeature(id)), values);
    }

    private static Dictionary<int, float[]> Identities(FeatureParameters parameters, FeatureSpace space, int[] ids, SnapshotSide side)
    {
        var identities = new Dictionary<int, float[]>();
        for (var row = 0; row < ids.Length; row++)
            if (side.HasPositive(row)) identities[ids[row]] = Read(parameters, space.Features.IndexOf(FeatureSpace.IdentityFeature(ids[row])));
        return identities;
    }

    private static FeatureTableParameters MetadataTable(FeatureParameters parameters, FeatureSpace space)
    {
        var names = space.Features.Ids.Where(n => !n.StartsWith("id=", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        return new FeatureTableParameters(names, [.. names.Select(n => Read(parameters, space.Features.IndexOf(n)))]);
    }

    private static float[] Read(FeatureParameters parameters, int feature)
    {
        var k = parameters.Factors;
        var own = new OwnParameters(new float[OwnParameters.Length(k)]);
        parameters.Embedding(feature).CopyTo(own.Embedding);
        parameters.EmbeddingState.AsSpan(feature * k, k).CopyTo(own.EmbeddingSquares);
        own.Bias = parameters.Biases[feature];
        own.BiasSquares = parameters.BiasState[feature];
        return own.Values;
    }

    private static void Write(FeatureParameters parameters, int feature, float[] values)
    {
        var k = parameters.Factors;
        var own = new OwnParameters(values);
        own.Embedding.CopyTo(parameters.Embedding(feature));
        own.EmbeddingSquares.CopyTo(parameters.EmbeddingState.AsSpan(feature * k, k));
        parameters.Biases[feature] = own.Bias;
        parameters.BiasState[feature] = own.BiasSquares;
    }
}
