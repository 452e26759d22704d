using System.Numerics.Tensors;
using OnlineRecs.Core.Hybrid;
using OnlineRecs.Core.Online;
using OnlineRecs.Core.Retraining;

namespace OnlineRecs.Core.Tests.Retraining;

/// <summary>The catch-up after a fit: it keeps the fit when nothing is newer and learns what arrived during it.</summary>
public class RetrainCatchUpTests
{
    private const int Factors = 16;
    private const int NewUser = 1_000;
    private static readonly CatchUpSettings Online = new(new HybridOptions { Factors = Factors, Seed = 7 }, OnlineSteps.Default, 8, new RecentItemsContext(3, 1f));

    [Theory]
    [InlineData(RetrainAlgorithm.Warp)]
    [InlineData(RetrainAlgorithm.Als)]
    public void Nothing_newer_gives_back_the_fit_bit_for_bit(RetrainAlgorithm algorithm)
    {
        var input = TasteGroups(withNewUser: false);
        var fitted = FullRetrain.Fit(input, Settings(algorithm));

        var caughtUp = RetrainCatchUp.Learn(fitted, input, input.Positives.Length, Online);

        AssertSame(fitted.Users, caughtUp.Users);
        AssertSame(fitted.Items, caughtUp.Items);
        Assert.Equal(fitted.UserFeatures.Names, caughtUp.UserFeatures.Names);
        Assert.Equal(fitted.ItemFeatures.Names, caughtUp.ItemFeatures.Names);
        Assert.Equal(fitted.ItemFeatures.Parameters, caughtUp.ItemFeatures.Parameters);
    }

    [Theory]
    [InlineData(RetrainAlgorithm.Warp)]
    [InlineData(RetrainAlgorithm.Als)]
    public void A_user_who_arrived_during_the_fit_gets_an_identity_that_ranks_the_taste_of_their_events_first(RetrainAlgorithm algorithm)
    {
        var before = TasteGroups(withNewUser: false);
        var fitted = FullRetrain.Fit(before, Settings(algorithm));
        var now = TasteGroups(withNewUser: true);

        var caughtUp = RetrainCatchUp.Learn(fitted, now, before.Positives.Length, Online);

        Assert.False(fitted.Users.ContainsKey(NewUser));
        var identity = new OwnParameters(caughtUp.Users[NewUser]);
        Assert.All(caughtUp.Users.Values.Concat(caughtUp.Items.Values).SelectMany(v => v), v => Assert.True(float.IsFinite(v)));
        // Items 0–14 are the new user's taste (they rated 0–4); 15–29 are the other group's.
        var mine = Enumerable.Range(5, 10).Average(i => Score(identity, caughtUp, now, i));
        var theirs = Enumerable.Range(15, 15).Average(i => Score(identity, caughtUp, now, i));
        Assert.True(mine > theirs + 0.1, $"own taste {mine:F3}, the other {theirs:F3}");
        // The items the new user rated moved, and their AdaGrad sums grew with the steps they took.
        Assert.NotEqual(fitted.Items[0], caughtUp.Items[0]);
        Assert.True(new OwnParameters(caughtUp.Items[0]).BiasSquares > new OwnParameters(fitted.Items[0]).BiasSquares);
    }

    /// <summary>ALS knows no identity weights: the identity takes what the metadata leaves, divided by its weight.</summary>
    [Fact]
    public void An_als_retrain_scores_warm_pairs_alike_whatever_the_item_identity_weight()
    {
        var input = TasteGroups(withNewUser: false);
        var plain = FullRetrain.Fit(input, Settings(RetrainAlgorithm.Als) with { ItemIdentityWeight = 1f });
        var weighted = FullRetrain.Fit(input, Settings(RetrainAlgorithm.Als) with { ItemIdentityWeight = 0.5f });

        foreach (var (user, item) in new[] { (0, 3), (1, 20), (7, 14), (38, 29) })
        {
            var expected = Score(new OwnParameters(plain.Users[user]), plain, input, item, identityWeight: 1f);
            var actual = Score(new OwnParameters(weighted.Users[user]), weighted, input, item, identityWeight: 0.5f);
            Assert.Equal(expected, actual, 1e-4f);
        }
        Assert.NotEqual(plain.Items[3], weighted.Items[3]);
    }

    /// <summary>
    /// 40 users in two taste groups of 15 items each, each user with 8 positives of their group's; items carry their
    /// group as a genre. With <paramref name="withNewUser"/>, a user of the first group comes last with 5 positives.
    /// </summary>
    private static RetrainInput TasteGroups(bool withNewUser)
    {
        var positives = new List<SnapshotPositive>();
        var random = new Random(3);
        for (var user = 0; user < 40; user++)
        {
            var first = user % 2 == 0 ? 0 : 15;
            foreach (var item in Enumerable.Range(first, 15).OrderBy(_ => random.Next()).Take(8)) positives.Add(new(user, item, 1f));
        }
        if (withNewUser) positives.AddRange(Enumerable.Range(0, 5).Select(item => new SnapshotPositive(NewUser, item, 1f)));
        var users = positives.Select(p => p.UserId).Distinct().Order().ToArray();
        var items = Enumerable.Range(0, 30).ToArray();
        var itemMetadata = items.ToDictionary(i => i, i => new[] { i < 15 ? "genre=A" : "genre=B" });
        return new RetrainInput([.. positives], users, items, new Dictionary<int, string[]>(), itemMetadata);
    }

    private static RetrainSettings Settings(RetrainAlgorithm algorithm) =>
        new() { Algorithm = algorithm, Factors = Factors, Epochs = 10, AlsRegularization = 1f };

    /// <summary>q_u·p_i + b_i, with p_i the item's identity and its metadata features, each by its weight.</summary>
    private static float Score(OwnParameters user, RetrainedModel model, RetrainInput input, int item,
        float identityWeight = HybridOptions.DefaultItemIdentityWeight)
    {
        var vector = new float[Factors];
        var own = new OwnParameters(model.Items[item]);
        TensorPrimitives.Multiply(own.Embedding, identityWeight, vector);
        var bias = identityWeight * own.Bias;
        foreach (var (name, weight) in FeatureSpace.MetadataWeights(input.ItemMetadata[item]))
        {
            var feature = new OwnParameters(model.ItemFeatures.Parameters[Array.IndexOf(model.ItemFeatures.Names, name)]);
            TensorPrimitives.MultiplyAdd(feature.Embedding, weight, vector, vector);
            bias += weight * feature.Bias;
        }
        return TensorPrimitives.Dot<float>(user.Embedding, vector) + bias;
    }

    private static void AssertSame(IReadOnlyDictionary<int, float[]> expected, IReadOnlyDictionary<int, float[]> actual)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (id, values) in expected) Assert.Equal(values, actual[id]);
    }
}
