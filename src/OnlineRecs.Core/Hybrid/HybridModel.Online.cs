using OnlineRecs.Core.Randomness;

namespace OnlineRecs.Core.Hybrid;

public sealed partial class HybridModel
{
    // Each thread gets its own buffers and random stream, so concurrent events race only on the
    // parameters, as Hogwild epochs do; streams are numbered in order of first use.
    private ThreadLocal<TrainingScratch>? _eventScratch;
    private int _eventStreams;

    /// <summary>
    /// Learns from one positive event as it arrives: <paramref name="steps"/> steps of <see cref="HybridOptions.Loss"/>
    /// for the user whose features are <paramref name="user"/> and the catalogue item <paramref name="item"/>, with
    /// negatives drawn from <paramref name="items"/> and never among <paramref name="positives"/>. The parameter tables
    /// grow first when the rows name features the model has not seen. k-OS WARP, which ranks a user's positives
    /// against each other, takes plain WARP steps on a single event. Rows and weight must be finite, so no NaN enters.
    /// </summary>
    public void LearnEvent(FeatureRow user, int item, float weight, IItemCatalogue items, IReadOnlySet<int> positives, int steps = 1)
    {
        if (!float.IsFinite(weight) || weight < 0) throw new ArgumentOutOfRangeException(nameof(weight), "The event weight must be finite and non-negative.");
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        RequireFinite(user, nameof(user));
        RequireFinite(items.Row(item), nameof(item));
        if (items.Count == 0) return;

        Users.EnsureCount(FeatureCount(user), Options.Schedule);
        Items.EnsureCount(items.FeatureCount, Options.Schedule);
        var context = new EventContext(this, user, items, positives);
        var s = EventScratch();
        for (var step = 0; step < steps; step++)
        {
            switch (Options.Loss)
            {
                case LossKind.Bpr: BprLoss.Step(context, EventContext.User, item, weight, s); break;
                case LossKind.Logistic: LogisticLoss.Step(context, EventContext.User, item, weight, s); break;
                default: WarpLoss.Step(context, EventContext.User, item, weight, s); break;
            }
        }
    }

    private TrainingScratch EventScratch()
    {
        if (_eventScratch is null) Interlocked.CompareExchange(ref _eventScratch, new ThreadLocal<TrainingScratch>(NewEventScratch), null);
        return _eventScratch.Value!;
    }

    private TrainingScratch NewEventScratch() =>
        new(Factors, SplitMix64.Mix(Options.Seed ^ 0xE7E27UL ^ (ulong)Interlocked.Increment(ref _eventStreams)));

    private static int FeatureCount(FeatureRow row)
    {
        var count = 0;
        foreach (var f in row.Features)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(f);
            count = Math.Max(count, f + 1);
        }
        return count;
    }

    private static void RequireFinite(FeatureRow row, string name)
    {
        foreach (var w in row.Weights)
            if (!float.IsFinite(w)) throw new ArgumentException("Feature weights must be finite.", name);
    }

    /// <summary>One user's event seen as a loss context: the user is the only row, the catalogue supplies the items.</summary>
    private readonly ref struct EventContext(HybridModel model, FeatureRow userRow, IItemCatalogue items, IReadOnlySet<int> positives) : ILossContext
    {
        public const int User = 0;

        private readonly FeatureRow _userRow = userRow;

        public HybridOptions Options => model.Options;

        public int ItemCount => items.Count;

        public int DrawItem(ref FastRandom random) => items.Draw(ref random);

        public bool IsPositive(int user, int item) => positives.Contains(item);

        public float RepresentUser(int user, Span<float> into) => model.RepresentUser(_userRow, into);

        public float RepresentItem(int item, Span<float> into) => model.RepresentItem(items.Row(item), into);

        public void DescendUser(int user, float scale, ReadOnlySpan<float> direction, float biasGradient) =>
            model.DescendUser(_userRow, scale, direction, biasGradient);

        public void DescendItem(int item, float scale, ReadOnlySpan<float> direction, float biasGradient) =>
            model.DescendItem(items.Row(item), scale, direction, biasGradient);
    }
}
