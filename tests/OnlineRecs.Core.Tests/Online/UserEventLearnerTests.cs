using OnlineRecs.Core.Hybrid;
using OnlineRecs.Core.Online;
using OnlineRecs.Core.Randomness;

namespace OnlineRecs.Core.Tests.Online;

/// <summary>A learner built on the buffers another left behind learns exactly what a learner on new buffers does.</summary>
public sealed class UserEventLearnerTests
{
    private const int Factors = 8;
    private const int Items = 40;
    private static readonly HybridOptions Options = new() { Factors = Factors };

    [Fact]
    public void A_learner_on_the_last_ones_buffers_learns_bit_for_bit_what_a_fresh_one_would()
    {
        var reference = Learn(seed: 3);
        // The learner before dirties every buffer: other steps, another seed, another metadata row, gradients left unsent.
        using (var before = Learner(OwnParameters.Initial(Factors, 9, 9), seed: 11, new MetadataRow(["age=18-24"])))
            for (var item = 0; item < 20; item++) before.Learn(item, 1f, 2);

        var again = Learn(seed: 3);

        Assert.Equal(reference.Parameters, again.Parameters);
        Assert.Equal(reference.LossSum, again.LossSum);
        Assert.Equal(reference.Updates, again.Updates);
        Assert.Equal(reference.ItemGradients, again.ItemGradients);
        Assert.Equal(reference.FeatureGradients, again.FeatureGradients);
    }

    [Fact]
    public void A_disposed_learner_refuses_to_learn_or_report()
    {
        var learner = Learner(OwnParameters.Initial(Factors, 1, 1), seed: 1, new MetadataRow(["genre=Comedy"]));
        learner.Learn(1, 1f, 1);
        learner.Dispose();

        Assert.Throws<ObjectDisposedException>(() => learner.Learn(2, 1f, 1));
        Assert.Throws<ObjectDisposedException>(() => learner.LossSum);
        Assert.Throws<ObjectDisposedException>(() => learner.Updates);
    }

    private static (float[] Parameters, double LossSum, long Updates, float[] ItemGradients, float[] FeatureGradients) Learn(ulong seed)
    {
        var own = OwnParameters.Initial(Factors, 5, 5);
        using var learner = Learner(own, seed, new MetadataRow(["genre=Comedy", "genre=Drama"]));
        for (var item = 0; item < 10; item++) learner.Learn(item, 1f, 3);
        var (lossSum, updates) = (learner.LossSum, learner.Updates);
        var (items, features) = learner.HandOverGradients();
        using (items)
        using (features)
            return (own.Values, lossSum, updates, items.Copy().Gradients, features.Copy().Gradients);
    }

    private static UserEventLearner Learner(OwnParameters own, ulong seed, MetadataRow metadata) =>
        new(Options, own, metadata, FeatureTable(), Candidates(), new HashSet<int> { 0, 1, 2 }, seed);

    private static SharedFeatureTable FeatureTable()
    {
        string[] names = ["genre=Comedy", "genre=Drama", "age=18-24"];
        return new SharedFeatureTable(Factors, names, [.. names.Select((_, n) => RandomRow(100 + (ulong)n, Factors + 1))]);
    }

    private static CandidateItems Candidates() =>
        new(Factors, [.. Enumerable.Range(0, Items)], RandomRow(7, Items * Factors), RandomRow(8, Items), sampleStart: 0, catalogueSize: Items);

    private static float[] RandomRow(ulong seed, int length)
    {
        var random = new FastRandom(seed);
        return [.. Enumerable.Range(0, length).Select(_ => random.NextFloat() - 0.5f)];
    }
}
