using OnlineRecs.Abstractions.Learning;
using OnlineRecs.Abstractions.Retraining;

namespace OnlineRecs.Abstractions.Grains;

/// <summary>
/// The owner of one side's metadata-feature embeddings, keyed <c>user</c> or <c>item</c>. Many entities share
/// each feature, so their gradients arrive summed, once per ingest batch, never per event.
/// </summary>
public interface IFeatureTableGrain : IGrainWithStringKey
{
    public const string Users = "user";
    public const string Items = "item";

    Task<FeatureTableMessage> Current();

    /// <summary>Makes sure the named features exist (new ones start as LightFM starts them) and returns the table.</summary>
    Task<FeatureTableMessage> Ensure(string[] names);

    /// <summary>Applies one batch's summed gradients and returns the table as it now stands.</summary>
    Task<FeatureTableMessage> Learn(long batchSequence, GradientSumsMessage<string> gradients);

    /// <summary>Replaces the table with a new model version's and returns it as published.</summary>
    Task<FeatureTableMessage> Install(FeatureTableInstall install);
}
