using OnlineRecs.Abstractions.Learning;
using OnlineRecs.Core.Online;
using OnlineRecs.Grains.Index;

namespace OnlineRecs.Cluster.Tests.Index;

/// <summary>The index's item rows: a group's refresh is built beside the rows being served and swapped in whole.</summary>
public sealed class IndexedItemsTests
{
    private const int Factors = 4;

    [Fact]
    public async Task A_refresh_off_the_grains_turn_never_writes_the_rows_being_served()
    {
        var items = new IndexedItems(Factors, seed: 1, identityWeight: 1f);
        items.SetMetadata(10, ["genre=A"], "Ten");
        items.SetFeatures(Table(version: 1, [1, 0, 0, 0]));
        items.Refresh();
        var weight = new MetadataRow(["genre=A"]).Weights[0];
        var served = items.Vectors;
        float[] before = [weight, 0, 0, 0];
        Assert.Equal(before, served.Row(0).ToArray());

        items.SetFeatures(Table(version: 2, [0, 2, 0, 0]));
        items.SetIdentity(new IdentityVector(10, new float[] { 1, 1, 1, 1 }, 0.5f));
        var refresh = items.RefreshOffTurn();
        Assert.Equal(before, served.Row(0).ToArray());
        await refresh;

        Assert.NotSame(served, items.Vectors);
        Assert.Equal(before, served.Row(0).ToArray());
        Assert.Equal([1, 1 + 2 * weight, 1, 1], items.Vectors.Row(0).ToArray());
        Assert.Equal(0.5f, items.Vectors.Bias(0));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(101)]
    public async Task A_refresh_redoes_every_row(int count)
    {
        var items = new IndexedItems(Factors, seed: 1, identityWeight: 0.5f);
        for (var id = 1; id <= count; id++)
        {
            items.SetMetadata(id, ["genre=A"], null);
            items.SetIdentity(new IdentityVector(id, new float[] { id, 0, 0, 0 }, id));
        }
        var weight = new MetadataRow(["genre=A"]).Weights[0];

        items.SetFeatures(Table(version: 1, [0, 1, 0, 0]));
        await items.RefreshOffTurn();

        for (var id = 1; id <= count; id++)
        {
            Assert.True(items.TryGetRow(id, out var row));
            Assert.Equal([0.5f * id, weight, 0, 0], items.Vectors.Row(row).ToArray());
            Assert.Equal(0.5f * id, items.Vectors.Bias(row));
        }
    }

    [Fact]
    public async Task Refreshes_of_a_groups_rows_alone_serve_every_row_as_a_full_refresh_has_it()
    {
        var items = SixItemsOfOneGenre();
        var published = new List<IdentityVector>();

        // Each group moves two items, one of them moved by the group before, and a new item joins in one of them.
        for (var group = 1; group <= 5; group++)
        {
            var moved = new[] { group, group + 1 }.Concat(group == 3 ? [7] : []);
            var served = items.Vectors;
            var before = served.Row(0).ToArray();
            foreach (var id in moved)
            {
                var identity = new IdentityVector(id, new float[] { group, id, 0, 1 }, group * 0.1f);
                items.SetIdentity(identity);
                published.Add(identity);
            }
            var refresh = items.RefreshOffTurn();
            Assert.Equal(before, served.Row(0).ToArray());
            await refresh;

            var full = SixItemsOfOneGenre();
            foreach (var identity in published) full.SetIdentity(identity);
            full.Refresh();
            Assert.Equal(full.Count, items.Count);
            for (var row = 0; row < full.Count; row++)
            {
                Assert.True(items.TryGetRow(full.IdOf(row), out var itemsRow));
                Assert.Equal(full.Vectors.Row(row).ToArray(), items.Vectors.Row(itemsRow).ToArray());
                Assert.Equal(full.Vectors.Bias(row), items.Vectors.Bias(itemsRow));
            }
        }

        static IndexedItems SixItemsOfOneGenre()
        {
            var catalogue = new IndexedItems(Factors, seed: 1, identityWeight: 0.5f);
            for (var id = 1; id <= 6; id++) catalogue.SetMetadata(id, ["genre=A"], null);
            catalogue.SetFeatures(Table(version: 1, [0, 1, 0, 0]));
            return catalogue;
        }
    }

    [Fact]
    public void The_whole_catalogue_is_handed_out_again_with_every_change_since_as_a_fresh_copy_has_it()
    {
        var items = new IndexedItems(Factors, seed: 1, identityWeight: 0.5f);
        Apply(items, 0);
        var first = items.Candidates([1], sampleSize: 100, drawSeed: 7);
        var (firstVectors, firstBiases) = ((float[])first.Vectors.Clone(), (float[])first.Biases.Clone());

        for (var step = 1; step <= 3; step++)
        {
            Apply(items, step);
            var again = items.Candidates([2], sampleSize: 100, drawSeed: 7);
            var fresh = new IndexedItems(Factors, seed: 1, identityWeight: 0.5f);
            for (var s = 0; s <= step; s++) Apply(fresh, s);
            var expected = fresh.Candidates([2], sampleSize: 100, drawSeed: 7);

            Assert.Same(first, again); // no item joined
            Assert.Equal(expected.ItemIds, again.ItemIds);
            Assert.Equal(expected.Vectors, again.Vectors);
            Assert.Equal(expected.Biases, again.Biases);
        }
        Assert.NotEqual(firstVectors, first.Vectors);
        Assert.NotEqual(firstBiases, first.Biases);

        items.SetIdentity(new IdentityVector(6, new float[] { 1, 2, 3, 4 }, 1f));
        var grown = items.Candidates([6], sampleSize: 100, drawSeed: 7);
        Assert.NotSame(first, grown);
        Assert.Equal([1, 2, 3, 4, 5, 6], grown.ItemIds);
        Assert.Equal([0.5f, 1f, 1.5f, 2f], grown.View.Vector(grown.View.IndexOf(6)).ToArray());

        // Each step changes one item's identity, another's metadata, and (from the second on) the feature table.
        static void Apply(IndexedItems target, int step)
        {
            if (step == 0)
            {
                for (var id = 1; id <= 5; id++) target.SetMetadata(id, [id % 2 == 0 ? "genre=A" : "genre=B"], null);
                target.SetFeatures(Table(version: 1, [1, 0, 0, 0]));
                target.SetIdentity(new IdentityVector(1, new float[] { 1, 0, 0, 0 }, 0.1f));
                return;
            }
            target.SetIdentity(new IdentityVector(step + 1, new float[] { 0, step, 0, 0 }, step));
            target.SetMetadata(5 - step, ["genre=A"], null);
            if (step >= 2) target.SetFeatures(Table(version: step, [0, 0, step, 0]));
        }
    }

    private static FeatureTableMessage Table(long version, float[] genreA) => new(Factors, ["genre=A"], [[.. genreA, 0f]], version);
}
