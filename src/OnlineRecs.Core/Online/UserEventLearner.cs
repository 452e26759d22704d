using OnlineRecs.Core.Hybrid;
using OnlineRecs.Core.Randomness;

namespace OnlineRecs.Core.Online;

/// <summary>
/// One user's online learning as a user grain does it: the same loss steps as <see cref="HybridModel.LearnEvent"/>,
/// but the user owns only its identity parameters, which step at once (AdaGrad), while the gradients
/// for the shared metadata features and for the items are summed for their owners to apply.
/// </summary>
public sealed class UserEventLearner
{
    private readonly HybridOptions _options;
    private readonly OwnParameters _own;
    private readonly MetadataRow _metadata;
    private readonly SharedFeatureTable _features;
    private readonly CandidateItems _candidates;
    private readonly IReadOnlySet<int> _positives;
    private readonly TrainingScratch _scratch;

    public UserEventLearner(HybridOptions options, OwnParameters own, MetadataRow metadata, SharedFeatureTable features,
        CandidateItems candidates, IReadOnlySet<int> positives, ulong seed)
    {
        if (own.Factors != options.Factors || candidates.Factors != options.Factors || features.Factors != options.Factors)
            throw new ArgumentException("The user's, the features' and the candidates' factors differ from the options'.");
        _options = options;
        _own = own;
        _metadata = metadata;
        _features = features;
        _candidates = candidates;
        _positives = positives;
        _scratch = new TrainingScratch(options.Factors, seed);
        ItemGradients = new GradientSums<int>(options.Factors);
        FeatureGradients = new GradientSums<string>(options.Factors);
    }

    /// <summary>Item gradients by item id, for the item grains.</summary>
    public GradientSums<int> ItemGradients { get; }

    /// <summary>User metadata-feature gradients by feature name, for the features' owner.</summary>
    public GradientSums<string> FeatureGradients { get; }

    public double LossSum => _scratch.LossSum;

    public long Updates => _scratch.Updates;

    /// <summary>Takes <paramref name="steps"/> loss steps on the positive event (this user, <paramref name="itemId"/>).</summary>
    public void Learn(int itemId, float weight, int steps)
    {
        if (!float.IsFinite(weight) || weight < 0) throw new ArgumentOutOfRangeException(nameof(weight), "The event weight must be finite and non-negative.");
        var positive = _candidates.IndexOfPositive(itemId);
        if (positive < 0) throw new ArgumentException($"Item {itemId} is not among the batch's candidates.", nameof(itemId));
        var context = new Context(this);
        for (var step = 0; step < steps; step++)
        {
            switch (_options.Loss)
            {
                case LossKind.Bpr: BprLoss.Step(context, 0, positive, weight, _scratch); break;
                case LossKind.Logistic: LogisticLoss.Step(context, 0, positive, weight, _scratch); break;
                default: WarpLoss.Step(context, 0, positive, weight, _scratch); break;
            }
        }
    }

    private readonly ref struct Context(UserEventLearner learner) : ILossContext
    {
        public HybridOptions Options => learner._options;

        public int ItemCount => learner._candidates.CatalogueSize;

        public int DrawItem(ref FastRandom random)
        {
            var c = learner._candidates;
            return c.SampleCount > 0 ? c.SampleStart + random.Next(c.SampleCount) : random.Next(c.ItemIds.Length);
        }

        public bool IsPositive(int user, int item) => learner._positives.Contains(learner._candidates.ItemIds[item]);

        // q_u = e_id + Σ_f w_f e_f over the user's metadata, and b_u likewise (Kula 2015, eq. 1).
        public float RepresentUser(int user, Span<float> into)
        {
            learner._own.Embedding.CopyTo(into);
            return learner._own.Bias + learner._features.AddInto(learner._metadata, into);
        }

        public float RepresentItem(int item, Span<float> into)
        {
            learner._candidates.Vector(item).CopyTo(into);
            return learner._candidates.Biases[item];
        }

        public void DescendUser(int user, float scale, ReadOnlySpan<float> direction, float biasGradient)
        {
            var o = learner._options;
            var own = learner._own;
            AdaGrad.Step(own.Embedding, own.EmbeddingSquares, scale, direction, o.LearningRate, o.UserAlpha);
            AdaGrad.Step(ref own.Bias, ref own.BiasSquares, biasGradient, o.LearningRate, o.UserAlpha);
            var metadata = learner._metadata;
            for (var n = 0; n < metadata.Names.Length; n++)
                learner.FeatureGradients.Add(metadata.Names[n], scale * metadata.Weights[n], direction, biasGradient * metadata.Weights[n]);
        }

        public void DescendItem(int item, float scale, ReadOnlySpan<float> direction, float biasGradient) =>
            learner.ItemGradients.Add(learner._candidates.ItemIds[item], scale, direction, biasGradient);
    }
}
