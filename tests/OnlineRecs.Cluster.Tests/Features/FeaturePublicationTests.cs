using OnlineRecs.Core.Online;
using OnlineRecs.Grains.Features;

namespace OnlineRecs.Cluster.Tests.Features;

/// <summary>The copies a feature table hands out cost what changed since the last, and never change once handed out.</summary>
public sealed class FeaturePublicationTests
{
    private const int Factors = 4;

    [Fact]
    public void A_copy_makes_new_rows_for_what_moved_and_shares_the_rest()
    {
        var (names, parameters) = (new List<string> { "genre=A", "genre=B", "genre=C" }, Parameters(3));
        var publication = new FeaturePublication();
        var before = publication.Next(names, parameters);
        var valuesBefore = before.Rows.Select(r => r.ToArray()).ToArray();

        new OwnParameters(parameters[1]).Embedding.Fill(9f);
        publication.Moved(1);
        var after = publication.Next(names, parameters);

        Assert.Same(before.Names, after.Names);
        Assert.Same(before.Rows[0], after.Rows[0]);
        Assert.Same(before.Rows[2], after.Rows[2]);
        Assert.Equal([9f, 9f, 9f, 9f, 0f], after.Rows[1]);
        // Whoever still learns from the earlier copy sees it as it was.
        for (var slot = 0; slot < 3; slot++) Assert.Equal(valuesBefore[slot], before.Rows[slot]);
    }

    [Fact]
    public void A_new_feature_makes_a_new_names_array_and_its_own_row()
    {
        var (names, parameters) = (new List<string> { "age=18-24" }, Parameters(1));
        var publication = new FeaturePublication();
        var before = publication.Next(names, parameters);

        names.Add("age=25-34");
        parameters.Add(OwnParameters.Initial(Factors, 1, 2).Values);
        var after = publication.Next(names, parameters);

        Assert.NotSame(before.Names, after.Names);
        Assert.Equal(["age=18-24", "age=25-34"], after.Names);
        Assert.Same(before.Rows[0], after.Rows[0]);
        Assert.Equal(new OwnParameters(parameters[1]).Embedding.ToArray(), after.Rows[1][..Factors]);
        Assert.Single(before.Names);
    }

    [Fact]
    public void After_the_table_is_replaced_the_next_copy_shares_nothing()
    {
        var (names, parameters) = (new List<string> { "genre=A" }, Parameters(1));
        var publication = new FeaturePublication();
        var before = publication.Next(names, parameters);

        publication.Forget();
        var after = publication.Next(["genre=Z"], Parameters(1));

        Assert.NotSame(before.Rows[0], after.Rows[0]);
        Assert.Equal(["genre=Z"], after.Names);
    }

    private static List<float[]> Parameters(int count) => [.. Enumerable.Range(0, count).Select(n => OwnParameters.Initial(Factors, 1, n).Values)];
}
