using OnlineRecs.Grains.Index;

namespace OnlineRecs.Cluster.Tests.Index;

/// <summary>The index copies published identities in place, keeps them through growth, and knows which it has.</summary>
public sealed class IdentityRowsTests
{
    [Fact]
    public void A_row_is_a_copy_that_outlives_growth_and_the_published_array()
    {
        var rows = new IdentityRows(factors: 3);
        rows.Add();
        var published = new float[] { 1, 2, 3 };
        rows.Set(0, published, 0.5f);
        for (var n = 1; n < 100; n++) rows.Add(); // several times the first capacity

        published[0] = 99; // the grain's array is its own again once the message is handled
        Assert.Equal([1f, 2f, 3f], rows.Embedding(0).ToArray());
        Assert.Equal(0.5f, rows.Bias(0));
        Assert.True(rows.Embedding(99).IsEmpty);
        Assert.Equal(100, rows.Count);
    }

    [Fact]
    public void An_empty_identity_leaves_the_row_without_one()
    {
        var rows = new IdentityRows(factors: 2);
        rows.Add();
        rows.Set(0, [1, 1], 1f);

        rows.Set(0, [], 0f);

        Assert.True(rows.Embedding(0).IsEmpty);
        Assert.Equal(0f, rows.Bias(0));
    }
}
