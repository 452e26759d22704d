using Microsoft.Extensions.Options;
using OnlineRecs.Abstractions.Grains;
using OnlineRecs.Abstractions.Learning;
using OnlineRecs.Abstractions.Retraining;
using OnlineRecs.Core.Hybrid;
using OnlineRecs.Core.Online;

namespace OnlineRecs.Grains.Features;

/// <summary>
/// The owner of one side's metadata-feature embeddings (<c>genre=Comedy</c>, <c>age=25-34</c>…). Thousands of users
/// or items share each one, so per-event updates would make this grain the hot spot that caps ingest; instead each
/// ingest batch sends the sum of its gradients once, and learners read the table the grain publishes.
/// </summary>
public sealed class FeatureTableGrain(
    [PersistentState("features", ModelStorage.Name)] IPersistentState<FeatureTableState> state,
    IOptions<OnlineLearningOptions> options) : Grain, IFeatureTableGrain
{
    private readonly OnlineLearningOptions _options = options.Value;
    private readonly Dictionary<string, int> _slots = [];
    private readonly FeaturePublication _publication = new();
    private FeatureTableMessage? _published;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        for (var slot = 0; slot < state.State.Names.Count; slot++) _slots[state.State.Names[slot]] = slot;
        return Task.CompletedTask;
    }

    public Task<FeatureTableMessage> Current() => Task.FromResult(Publish());

    public Task<FeatureTableMessage> Ensure(string[] names)
    {
        foreach (var name in names) SlotOf(name);
        return Task.FromResult(Publish());
    }

    public Task<FeatureTableMessage> Learn(long batchSequence, GradientSumsMessage<string> gradients)
    {
        var s = state.State;
        var sums = gradients.Sums;
        if (batchSequence <= s.LastBatch || sums.Count == 0) return Task.FromResult(Publish());
        s.LastBatch = batchSequence;
        for (var n = 0; n < sums.Count; n++)
        {
            var slot = SlotOf(sums.Keys[n]);
            _publication.Moved(slot);
            var own = new OwnParameters(s.Parameters[slot]);
            AdaGrad.StepSummed(own.Embedding, own.EmbeddingSquares, sums.Gradient(n), sums.Squares(n), _options.LearningRate);
            AdaGrad.StepSummed(new Span<float>(ref own.Bias), new Span<float>(ref own.BiasSquares),
                [sums.Bias(n)], [sums.BiasSquares(n)], _options.LearningRate);
        }
        s.Version++;
        _published = null;
        return Task.FromResult(Publish());
    }

    /// <summary>Takes a new model version's table; the version number still moves up, so every reader sees the change.</summary>
    public Task<FeatureTableMessage> Install(FeatureTableInstall install)
    {
        var s = state.State;
        s.Names = [.. install.Names];
        s.Parameters = [.. install.Parameters.Select(p => (float[])p.Clone())];
        s.LastBatch = install.Sequence;
        s.Version++;
        _slots.Clear();
        for (var slot = 0; slot < s.Names.Count; slot++) _slots[s.Names[slot]] = slot;
        _publication.Forget();
        _published = null;
        return Task.FromResult(Publish());
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        state.KeepOnDeactivation(reason, cancellationToken);

    private int SlotOf(string name)
    {
        if (_slots.TryGetValue(name, out var slot)) return slot;
        var s = state.State;
        slot = s.Names.Count;
        s.Names.Add(name);
        s.Parameters.Add(OwnParameters.Initial(_options.Factors, EntitySeeds.Features(_options.Seed, name), 0).Values);
        _slots[name] = slot;
        s.Version++;
        _published = null;
        return slot;
    }

    /// <summary>A copy of the table as it stands; learners share it read-only while this grain goes on changing its own.</summary>
    private FeatureTableMessage Publish()
    {
        if (_published is not null) return _published;
        var (names, rows) = _publication.Next(state.State.Names, state.State.Parameters);
        return _published = new FeatureTableMessage(_options.Factors, names, rows, state.State.Version);
    }
}
