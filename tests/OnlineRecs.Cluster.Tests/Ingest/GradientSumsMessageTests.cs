using Microsoft.Extensions.DependencyInjection;
using OnlineRecs.Abstractions.Learning;
using OnlineRecs.Core.Online;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;

namespace OnlineRecs.Cluster.Tests.Ingest;

/// <summary>
/// A user's gradient sums reach the batch uncopied within a silo, and whole, row for row, when they cross to another.
/// </summary>
public sealed class GradientSumsMessageTests : IDisposable
{
    private const int Factors = 5;

    private readonly ServiceProvider _services = new ServiceCollection()
        .AddSerializer(s => s.AddAssembly(typeof(GradientSumsMessage<>).Assembly))
        .BuildServiceProvider();

    public void Dispose() => _services.Dispose();

    [Fact]
    public void A_call_within_the_silo_hands_over_the_sums_themselves()
    {
        var message = new GradientSumsMessage<int>(SomeSums());
        var result = new UserLearningResult(3, message, new(new GradientSums<string>(Factors, 0)), ReadOnlyMemory<float>.Empty, 0f, [], 0, 0);

        Assert.Same(message, _services.GetRequiredService<DeepCopier<GradientSumsMessage<int>>>().Copy(message));
        Assert.Same(message.Sums, _services.GetRequiredService<DeepCopier<UserLearningResult>>().Copy(result).ItemGradients.Sums);
    }

    [Fact]
    public void Between_silos_the_used_rows_travel_bit_for_bit()
    {
        using var sums = SomeSums();
        var serializer = _services.GetRequiredService<Serializer>();

        var received = serializer.Deserialize<GradientSumsMessage<int>>(serializer.SerializeToArray(new GradientSumsMessage<int>(sums)))!;

        Assert.NotSame(sums, received.Sums);
        Assert.Equal(sums.Keys, received.Sums.Keys);
        for (var slot = 0; slot < sums.Count; slot++)
        {
            Assert.Equal(sums.Gradient(slot).ToArray(), received.Sums.Gradient(slot).ToArray());
            Assert.Equal(sums.Squares(slot).ToArray(), received.Sums.Squares(slot).ToArray());
            Assert.Equal((sums.Bias(slot), sums.BiasSquares(slot)), (received.Sums.Bias(slot), received.Sums.BiasSquares(slot)));
        }
        using var into = new GradientSums<int>(Factors);
        received.MoveInto(into);
        Assert.Equal(sums.Keys, into.Keys);
        Assert.Throws<ObjectDisposedException>(() => received.Sums.Add(99, 1f, new float[Factors], 0f));
    }

    [Fact]
    public void An_items_rows_go_uncopied_within_the_silo_and_only_those_rows_between_silos()
    {
        using var sums = SomeSums();
        var slot = sums.Keys.ToList().IndexOf(7);
        var batch = new ItemGradientBatch(12, sums.GradientRow(slot), sums.SquaresRow(slot), sums.Bias(slot), sums.BiasSquares(slot));
        var serializer = _services.GetRequiredService<Serializer>();

        var copied = _services.GetRequiredService<DeepCopier<ItemGradientBatch>>().Copy(batch);
        var received = serializer.Deserialize<ItemGradientBatch>(serializer.SerializeToArray(batch))!;

        Assert.Same(batch, copied);
        Assert.Equal(sums.Gradient(slot).ToArray(), received.Gradient.ToArray());
        Assert.Equal(sums.Squares(slot).ToArray(), received.Squares.ToArray());
        Assert.Equal(Factors, received.Gradient.Length);
        Assert.Equal((12L, sums.Bias(slot), sums.BiasSquares(slot)), (received.BatchSequence, received.Bias, received.BiasSquares));
    }

    /// <summary>Three keys, one of them stepped twice, with a scale that rounds.</summary>
    private static GradientSums<int> SomeSums()
    {
        var sums = new GradientSums<int>(Factors);
        sums.Add(42, 0.1f, [1, 2, 3, 4, 5], 0.3f);
        sums.Add(7, -0.7f, [5, 4, 3, 2, 1], -0.2f);
        sums.Add(42, 1f / 3, [1, 1, 1, 1, 1], 1f);
        sums.Add(1_000_000, 2f, [0, 0, 0, 0, 1], 0f);
        return sums;
    }
}
