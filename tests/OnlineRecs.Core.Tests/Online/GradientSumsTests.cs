using OnlineRecs.Core.Online;

namespace OnlineRecs.Core.Tests.Online;

/// <summary>Sums keep their keys' order and values through growth, and pooled rows never leak into new sums.</summary>
public sealed class GradientSumsTests
{
    private const int Factors = 3;

    [Fact]
    public void Sums_and_squares_survive_growth_in_key_order()
    {
        using var sums = new GradientSums<int>(Factors, capacity: 1);
        for (var key = 0; key < 40; key++) sums.Add(key, 1f, [key, 1, 2], biasGradient: key);
        sums.Add(7, 2f, [1, 1, 1], biasGradient: 1);

        Assert.Equal(Enumerable.Range(0, 40), sums.Keys);
        Assert.Equal([7 + 2, 1 + 2, 2 + 2], sums.Gradient(7).ToArray());
        Assert.Equal([49 + 4, 1 + 4, 4 + 4], sums.Squares(7).ToArray());
        Assert.Equal((7 + 1, 49 + 1), (sums.Bias(7), sums.BiasSquares(7)));
        Assert.Equal([39, 1, 2], sums.Gradient(39).ToArray());
    }

    [Fact]
    public void A_copy_holds_exactly_the_keys_rows()
    {
        using var sums = new GradientSums<string>(Factors);
        sums.Add("a", 1f, [1, 2, 3], 0.5f);
        sums.AddSums("b", 2f, [1, 1, 1], [1, 1, 1], 1f, 1f);

        var (gradients, squares, biases, biasSquares) = sums.Copy();

        Assert.Equal([1, 2, 3, 2, 2, 2], gradients);
        Assert.Equal([1, 4, 9, 4, 4, 4], squares);
        Assert.Equal([0.5f, 2f], biases);
        Assert.Equal([0.25f, 4f], biasSquares);
    }

    [Fact]
    public void Sums_made_of_a_copy_are_the_same_bit_for_bit_and_add_into_others_in_key_order()
    {
        var factors = System.Numerics.Vector<float>.Count + 1;
        var random = new Random(5);
        using var sums = new GradientSums<int>(factors);
        for (var step = 0; step < 30; step++)
            sums.Add(random.Next(9), random.NextSingle() - 0.5f, [.. Enumerable.Range(0, factors).Select(_ => random.NextSingle())], random.NextSingle());
        var (gradients, squares, biases, biasSquares) = sums.Copy();

        using var rebuilt = GradientSums<int>.Of(factors, [.. sums.Keys], gradients, squares, biases, biasSquares);
        using var added = new GradientSums<int>(factors, capacity: 0);
        rebuilt.AddTo(added);

        foreach (var other in new[] { rebuilt, added })
        {
            Assert.Equal(sums.Keys, other.Keys);
            for (var slot = 0; slot < sums.Count; slot++)
            {
                Assert.Equal(sums.Gradient(slot).ToArray(), other.Gradient(slot).ToArray());
                Assert.Equal(sums.Squares(slot).ToArray(), other.Squares(slot).ToArray());
                Assert.Equal((sums.Bias(slot), sums.BiasSquares(slot)), (other.Bias(slot), other.BiasSquares(slot)));
            }
        }
        Assert.Throws<ArgumentException>(() => GradientSums<int>.Of(factors, [1, 2], gradients, squares, biases, biasSquares));
    }

    [Fact]
    public void Disposed_sums_refuse_new_keys()
    {
        var sums = new GradientSums<int>(Factors, capacity: 0);
        sums.Dispose();
        Assert.Throws<ObjectDisposedException>(() => sums.Add(1, 1f, [1, 1, 1], 1f));
    }

    [Fact]
    public void Rows_returned_to_the_pool_start_at_zero_in_the_next_sums()
    {
        for (var round = 0; round < 4; round++)
        {
            using var sums = new GradientSums<int>(Factors, capacity: 64);
            for (var key = 0; key < 64; key++)
            {
                sums.Add(key, 1f, [5, 5, 5], biasGradient: 5);
                Assert.Equal([5, 5, 5], sums.Gradient(key).ToArray());
                Assert.Equal([25, 25, 25], sums.Squares(key).ToArray());
                Assert.Equal((5f, 25f), (sums.Bias(key), sums.BiasSquares(key)));
            }
        }
    }

    [Fact]
    public void Cleared_sums_start_again_from_zero()
    {
        using var sums = new GradientSums<int>(Factors);
        sums.Add(1, 1f, [1, 1, 1], 1f);
        sums.Clear();
        sums.Add(2, 1f, [2, 2, 2], 2f);

        Assert.Equal([2], sums.Keys);
        Assert.Equal([2, 2, 2], sums.Gradient(0).ToArray());
        Assert.Equal(2f, sums.Bias(0));
    }

    [Fact]
    public void Rows_wider_than_a_vector_sum_bit_for_bit_as_element_by_element()
    {
        var factors = 2 * System.Numerics.Vector<float>.Count + 3; // vector lanes and a scalar tail
        var random = new Random(3);
        var steps = Enumerable.Range(0, 50).Select(_ => (Key: random.Next(4), Scale: random.NextSingle() - 0.5f,
            Direction: Enumerable.Range(0, factors).Select(_ => random.NextSingle() * 4 - 2).ToArray())).ToArray();
        using var sums = new GradientSums<int>(factors);
        using var weighted = new GradientSums<int>(factors);
        var (gradients, squares) = (new Dictionary<int, float[]>(), new Dictionary<int, float[]>());
        var (weightedGradients, weightedSquares) = (new Dictionary<int, float[]>(), new Dictionary<int, float[]>());

        foreach (var (key, scale, direction) in steps)
        {
            sums.Add(key, scale, direction, biasGradient: 0f);
            weighted.AddSums(key, scale, direction, direction, 0f, 0f);
            var (g, g2) = (Row(gradients, key), Row(squares, key));
            var (wg, wg2) = (Row(weightedGradients, key), Row(weightedSquares, key));
            for (var c = 0; c < factors; c++)
            {
                var x = scale * direction[c];
                g[c] += x;
                g2[c] += x * x;
                wg[c] += scale * direction[c];
                wg2[c] += scale * scale * direction[c];
            }
        }

        for (var slot = 0; slot < sums.Count; slot++)
        {
            Assert.Equal(gradients[sums.Keys[slot]], sums.Gradient(slot).ToArray());
            Assert.Equal(squares[sums.Keys[slot]], sums.Squares(slot).ToArray());
        }
        for (var slot = 0; slot < weighted.Count; slot++)
        {
            Assert.Equal(weightedGradients[weighted.Keys[slot]], weighted.Gradient(slot).ToArray());
            Assert.Equal(weightedSquares[weighted.Keys[slot]], weighted.Squares(slot).ToArray());
        }

        float[] Row(Dictionary<int, float[]> rows, int key) => rows.TryGetValue(key, out var row) ? row : rows[key] = new float[factors];
    }
}
