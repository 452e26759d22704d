using Microsoft.Extensions.Options;
using OnlineRecs.Abstractions.Grains;
using OnlineRecs.Abstractions.Learning;
using OnlineRecs.Abstractions.Retraining;
using OnlineRecs.Abstractions.Serving;
using OnlineRecs.Core.Hybrid;
using OnlineRecs.Core.Online;

namespace OnlineRecs.Grains.Items;

/// <summary>
/// One item. It owns its identity embedding, bias and their AdaGrad sums, and applies the gradients that
/// the users who met it in a batch sent, summed, in one AdaGrad step.
/// </summary>
public sealed class ItemGrain(
    [PersistentState("item", ModelStorage.Name)] IPersistentState<ItemState> state,
    IOptions<OnlineLearningOptions> options) : Grain, IItemGrain
{
    private readonly OnlineLearningOptions _options = options.Value;
    private MetadataRow? _metadataRow;

    private int ItemId => (int)this.GetPrimaryKeyLong();

    private MetadataRow Metadata => _metadataRow ??= new MetadataRow(state.State.Metadata);

    public Task<ItemLearningResult> Learn(ItemGradientBatch batch)
    {
        var s = state.State;
        if (s.Parameters.Length == 0) s.Parameters = OwnParameters.Initial(_options.Factors, EntitySeeds.Items(_options.Seed), ItemId).Values;
        var own = new OwnParameters(s.Parameters);
        if (batch.BatchSequence > s.LastBatch)
        {
            s.LastBatch = batch.BatchSequence;
            // The batch sums gradients of p_i, which holds the identity with its weight.
            var (rate, weight) = (_options.LearningRate, _options.ItemIdentityWeight);
            AdaGrad.StepSummed(own.Embedding, own.EmbeddingSquares, batch.Gradient.Span, batch.Squares.Span, rate, weight);
            AdaGrad.StepSummed(new Span<float>(ref own.Bias), new Span<float>(ref own.BiasSquares), [batch.Bias], [batch.BiasSquares], rate, weight);
            s.Updates++;
        }
        // The embedding itself, not a copy: the index copies it before the next group can move it.
        return Task.FromResult(new ItemLearningResult(ItemId, own.EmbeddingMemory, own.Bias, Metadata.Names, Metadata.Weights));
    }

    public Task SetMetadata(string[] features, string? title)
    {
        state.State.Metadata = features;
        state.State.Title = title ?? state.State.Title;
        _metadataRow = null;
        return Task.CompletedTask;
    }

    /// <summary>Takes this item's state in a new model version; the batches after its snapshot are learned again on top.</summary>
    public Task Install(ItemInstall install)
    {
        var s = state.State;
        s.Parameters = (float[])install.Parameters.Clone(); // the message is immutable and may be shared; learning steps in place
        s.Metadata = install.Metadata;
        s.Title = install.Title;
        s.LastBatch = install.Sequence;
        _metadataRow = null;
        return Task.CompletedTask;
    }

    public Task<ItemSnapshot> Snapshot()
    {
        var s = state.State;
        var own = s.Parameters.Length == 0 ? (OwnParameters?)null : new OwnParameters(s.Parameters);
        return Task.FromResult(new ItemSnapshot(ItemId, own?.Embedding.ToArray() ?? [], own is { } o ? o.Bias : 0f, s.Metadata, s.Title, s.Updates));
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        state.KeepOnDeactivation(reason, cancellationToken);
}
