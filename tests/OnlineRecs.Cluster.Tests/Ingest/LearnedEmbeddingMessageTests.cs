using Microsoft.Extensions.DependencyInjection;
using OnlineRecs.Abstractions.Learning;
using OnlineRecs.Core.Online;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;

namespace OnlineRecs.Cluster.Tests.Ingest;

/// <summary>
/// An item's new embedding reaches the batch as the item's own memory within a silo (no copy per item and group), and
/// as the same values when it crosses to another silo.
/// </summary>
public sealed class LearnedEmbeddingMessageTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddSerializer(s => s.AddAssembly(typeof(ItemLearningResult).Assembly))
        .BuildServiceProvider();

    private readonly OwnParameters _item = OwnParameters.Initial(6, 42, 7);

    public void Dispose() => _services.Dispose();

    [Fact]
    public void Within_the_silo_the_result_is_the_items_own_embedding()
    {
        var result = new ItemLearningResult(7, _item.EmbeddingMemory, 0.5f, ["genre=Drama"], [1f]);

        var copied = _services.GetRequiredService<DeepCopier<ItemLearningResult>>().Copy(result);
        _item.Embedding[0] = 123f; // what the item's next group would do, once the index has copied the vector

        Assert.Equal(123f, copied.Embedding.Span[0]);
    }

    [Fact]
    public void Between_silos_the_embedding_travels_bit_for_bit()
    {
        var serializer = _services.GetRequiredService<Serializer>();
        var result = new ItemLearningResult(7, _item.EmbeddingMemory, 0.5f, ["genre=Drama"], [1f]);

        var received = serializer.Deserialize<ItemLearningResult>(serializer.SerializeToArray(result))!;
        _item.Embedding[0] = 123f;

        Assert.NotEqual(123f, received.Embedding.Span[0]);
        Assert.Equal(result.Embedding.Length, received.Embedding.Length);
        Assert.Equal(_item.Embedding[1..].ToArray(), received.Embedding.Span[1..].ToArray());
        Assert.Equal(0.5f, received.Bias);
    }
}
