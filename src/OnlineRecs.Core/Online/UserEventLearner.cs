using OnlineRecs.Core.Hybrid;
using OnlineRecs.Core.Randomness;

namespace OnlineRecs.Core.Online;

/// <summary>
/// One user's online learning as a user grain does it: the same loss steps as <see cref="HybridModel.LearnEvent"/>,
/// but the user owns only its identity parameters, which step at once (AdaGrad), while the gradients
/// for the shared metadata features and for the items are summed for their owners to apply: the learner hands them over
/// at the end (<see cref="HandOverGradients"/>). Dispose it then, so that its own pooled rows serve the next user.
/// </summary>
public sealed class UserEventLearner : IDisposable
{
    private readonly HybridOptions _options;
    private readonly OwnParameters _own;
    private readonly SharedFeatureTable _features;
    private readonly CandidateItems _candidates;
    private readonly IReadOnlySet<int> _positives;
    private readonly WorkingMemory _memory;
    private readonly TrainingScratch _scratch;

    // The metadata part of q_u and b_u: the published table is fixed for the learner's lifetime, so it is summed once
    // per row (a user's row changes between events only when its recent items do).
    private readonly float[] _metadataVector;
    private MetadataRow _metadata;
    private float _metadataBias;

    // Every metadata feature's gradient is its weight times the user's, so one running sum serves them all while the
    // row stays; a new row first hands the sum out to the features of the old one.
    private readonly GradientSums<int> _userGradient;
    private readonly GradientSums<string> _featureGradients;
    private readonly GradientSums<int> _itemGradients;
    private bool _handedOver;
    private bool _disposed;

    private const int MaxPresizedItems = 4_096;

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
        _memory = WorkingMemory.Take(options.Factors, seed);
        _scratch = _memory.Scratch;
        // Every item the learner steps is a candidate, so with rows for all of them the sums never grow: growing copied
        // each user's rows again and again, 12% of the silo's CPU samples on a first pass of new users. Capped so that a
        // large catalogue does not rent arrays of its size per user; a user stepping more items in one group is rare.
        _itemGradients = new GradientSums<int>(options.Factors, capacity: Math.Min(candidates.ItemIds.Length, MaxPresizedItems));
        _userGradient = _memory.UserGradient;
        _featureGradients = new GradientSums<string>(options.Factors, Math.Max(1, metadata.Names.Length));
        _metadataVector = _memory.MetadataVector;
        _metadataBias = features.AddInto(metadata, _metadataVector);
    }

    /// <summary>Learns on with another row of metadata features, such as the same metadata with newer recent items.</summary>
    public void Use(MetadataRow metadata)
    {
        if (ReferenceEquals(metadata, _metadata)) return;
        HandOutUserGradient();
        _metadata = metadata;
        Array.Clear(_metadataVector);
        _metadataBias = _features.AddInto(metadata, _metadataVector);
    }

    /// <summary>
    /// The item gradients by item id, for the item grains, and the user metadata-feature gradients by feature name, for
    /// the features' owner (∂L/∂e_f = w_f ∂L/∂q_u): the caller's from now on, to dispose once they are applied.
    /// The learner learns no more.
    /// </summary>
    public (GradientSums<int> Items, GradientSums<string> Features) HandOverGradients()
    {
        ObjectDisposedException.ThrowIf(_handedOver, this);
        HandOutUserGradient();
        _handedOver = true;
        return (_itemGradients, _featureGradients);
    }

    private void HandOutUserGradient()
    {
        if (_userGradient.Count == 0) return;
        for (var n = 0; n < _metadata.Names.Length; n++)
            _featureGradients.AddSums(_metadata.Names[n], _metadata.Weights[n], _userGradient.Gradient(0), _userGradient.Squares(0),
                _userGradient.Bias(0), _userGradient.BiasSquares(0));
        _userGradient.Clear();
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _memory.Release();
        if (_handedOver) return;
        _itemGradients.Dispose();
        _featureGradients.Dispose();
    }

    /// <summary>The loss summed over the steps taken; read it before <see cref="Dispose"/>, which hands the buffers on.</summary>
    public double LossSum
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _scratch.LossSum;
        }
    }

    /// <summary>The loss steps taken; read it before <see cref="Dispose"/>.</summary>
    public long Updates
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _scratch.Updates;
        }
    }

    /// <summary>Whether <paramref name="itemId"/> can be learned from in this batch: it is among the candidates.</summary>
    public bool CanLearn(int itemId) => _candidates.IndexOf(itemId) >= 0;

    /// <summary>Takes <paramref name="steps"/> loss steps on the positive event (this user, <paramref name="itemId"/>).</summary>
    public void Learn(int itemId, float weight, int steps)
    {
        ObjectDisposedException.ThrowIf(_handedOver || _disposed, this);
        if (!float.IsFinite(weight) || weight < 0) throw new ArgumentOutOfRangeException(nameof(weight), "The event weight must be finite and non-negative.");
        var positive = _candidates.IndexOf(itemId);
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

    /// <summary>
    /// A learner's own buffers: the loss steps' scratch, the summed metadata vector and the running user gradient. A user
    /// grain makes a learner for every batch, and fresh buffers were a tenth of what the silo allocated while ingesting,
    /// so the last learner disposed on a thread leaves its buffers there for the next.
    /// </summary>
    private sealed class WorkingMemory(int factors)
    {
        [ThreadStatic] private static WorkingMemory? t_spare;

        public TrainingScratch Scratch { get; } = new(factors, 0);
        public float[] MetadataVector { get; } = new float[factors];
        public GradientSums<int> UserGradient { get; } = new(factors, capacity: 1);

        /// <summary>This thread's spare buffers if they fit, else new ones, started over as if new.</summary>
        public static WorkingMemory Take(int factors, ulong seed)
        {
            var memory = t_spare is { } spare && spare.MetadataVector.Length == factors ? spare : new WorkingMemory(factors);
            t_spare = null;
            memory.Scratch.Reset(seed);
            Array.Clear(memory.MetadataVector);
            memory.UserGradient.Clear();
            return memory;
        }

        public void Release() => t_spare = this;
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
            System.Numerics.Tensors.TensorPrimitives.Add(learner._own.Embedding, learner._metadataVector, into);
            return learner._own.Bias + learner._metadataBias;
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
            if (learner._metadata.Names.Length > 0) learner._userGradient.Add(0, scale, direction, biasGradient);
        }

        public void DescendItem(int item, float scale, ReadOnlySpan<float> direction, float biasGradient) =>
            learner._itemGradients.Add(learner._candidates.ItemIds[item], scale, direction, biasGradient);
    }
}
