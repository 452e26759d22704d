using OnlineRecs.Abstractions.Learning;
using OnlineRecs.Abstractions.Retraining;
using OnlineRecs.Abstractions.Serving;

namespace OnlineRecs.Abstractions.Grains;

/// <summary>One user, keyed by the data set's user id: its identity parameters, metadata and rated items.</summary>
public interface IUserGrain : IGrainWithIntegerKey
{
    /// <summary>Records the events and takes the online loss steps for the positive ones.</summary>
    Task<UserLearningResult> Learn(UserLearningBatch batch);

    Task SetMetadata(string[] features);

    /// <summary>Replaces the user's model state with a new version's (see <see cref="UserInstall"/>).</summary>
    Task Install(UserInstall install);

    /// <summary>Null when nothing is known of the user: no event and no metadata. Answers as of its every acknowledged event (read-your-writes).</summary>
    Task<ScoredItems?> Recommend(RecommendationRequest request);

    Task<UserSnapshot> Snapshot();

    /// <summary>
    /// Whether the user's top <paramref name="k"/> holds the item now; null when the user has no positive yet or has
    /// already rated the item (the live HR@10's test before train).
    /// </summary>
    Task<bool?> WouldRecommend(int itemId, int k);
}
