using OnlineRecs.Core.Evaluation;
using OnlineRecs.Core.Sparse;
using OnlineRecs.Core.Threading;

namespace OnlineRecs.Core.Hybrid;

/// <summary>
/// One pass over the interactions in a fresh random order, split across worker threads that update
/// the shared parameters without locks (Hogwild, Recht et al. 2011), as LightFM does.
/// </summary>
internal sealed class HybridEpoch(HybridModel model, CsrMatrix interactions, CsrMatrix userFeatures, CsrMatrix itemFeatures)
{
    private readonly int[] _userOfEntry = UserOfEntry(interactions);

    public HybridModel Model => model;
    public CsrMatrix Interactions => interactions;
    public CsrMatrix UserFeatures => userFeatures;
    public CsrMatrix ItemFeatures => itemFeatures;

    /// <summary>Runs the epoch and returns the mean loss of its updates.</summary>
    public double Run(int epochNumber)
    {
        var options = model.Options;
        var kos = options.Loss == LossKind.WarpKos;
        var order = Shuffled(kos ? interactions.Rows : interactions.NonZeros, options.Seed, epochNumber);
        var threads = options.Threads;
        var scratch = new TrainingScratch[threads];

        WorkerThreads.Run(threads, t =>
        {
            // Allocated on its own thread so that workers' random states and counters, written on
            // every step, do not share a cache line.
            var s = scratch[t] = new TrainingScratch(model.Factors, SplitMix64.Mix(options.Seed ^ ((ulong)epochNumber << 20) ^ (ulong)t));
            var from = (int)((long)order.Length * t / threads);
            var to = (int)((long)order.Length * (t + 1) / threads);
            for (var n = from; n < to; n++)
            {
                if (kos)
                {
                    KosWarpLoss.Step(this, order[n], s);
                    continue;
                }
                var entry = order[n];
                var user = _userOfEntry[entry];
                var item = interactions.Columns[entry];
                var weight = interactions.Values[entry];
                switch (options.Loss)
                {
                    case LossKind.Warp: WarpLoss.Step(this, user, item, weight, s); break;
                    case LossKind.Bpr: BprLoss.Step(this, user, item, weight, s); break;
                    default: LogisticLoss.Step(this, user, item, weight, s); break;
                }
            }
        });

        var updates = scratch.Sum(s => s.Updates);
        return updates == 0 ? 0 : scratch.Sum(s => s.LossSum) / updates;
    }

    /// <summary>A uniformly drawn item that is not among the user's positives, or −1 after a few misses.</summary>
    public int SampleNegative(int user, TrainingScratch s)
    {
        var positives = interactions.RowColumns(user);
        for (var attempt = 0; attempt < 32; attempt++)
        {
            var j = s.Random.Next(interactions.Cols);
            if (positives.BinarySearch(j) < 0) return j;
        }
        return -1;
    }

    public bool IsPositive(int user, int item) => interactions.RowColumns(user).BinarySearch(item) >= 0;

    public float RepresentUser(int user, Span<float> into) =>
        HybridModel.Represent(model.Users, userFeatures.RowColumns(user), userFeatures.RowValues(user), into);

    public float RepresentItem(int item, Span<float> into) =>
        HybridModel.Represent(model.Items, itemFeatures.RowColumns(item), itemFeatures.RowValues(item), into);

    /// <summary>
    /// The pairwise step shared by BPR and WARP, for loss L(q·p_i − q·p_j) with dL = −<paramref name="weight"/>:
    /// ∂/∂q = w(p_j − p_i), ∂/∂p_i = −w q, ∂/∂p_j = w q, ∂/∂b_i = −w, ∂/∂b_j = w.
    /// </summary>
    public void DescendPair(int user, int positive, int negative, float weight, TrainingScratch s)
    {
        var o = model.Options;
        for (var c = 0; c < s.Direction.Length; c++) s.Direction[c] = s.Negative[c] - s.Positive[c];
        model.Descend(model.Items, itemFeatures.RowColumns(positive), itemFeatures.RowValues(positive), -weight, s.User, -weight, o.ItemAlpha);
        model.Descend(model.Items, itemFeatures.RowColumns(negative), itemFeatures.RowValues(negative), weight, s.User, weight, o.ItemAlpha);
        model.Descend(model.Users, userFeatures.RowColumns(user), userFeatures.RowValues(user), weight, s.Direction, 0f, o.UserAlpha);
    }

    private static int[] UserOfEntry(CsrMatrix m)
    {
        var users = new int[m.NonZeros];
        for (var u = 0; u < m.Rows; u++) users.AsSpan(m.RowStart[u], m.RowLength(u)).Fill(u);
        return users;
    }

    private static int[] Shuffled(int count, ulong seed, int epoch)
    {
        var order = new int[count];
        for (var n = 0; n < count; n++) order[n] = n;
        var random = new FastRandom(SplitMix64.Mix(seed ^ 0xE90C7UL ^ (ulong)epoch));
        for (var n = count - 1; n > 0; n--)
        {
            var m = random.Next(n + 1);
            (order[n], order[m]) = (order[m], order[n]);
        }
        return order;
    }
}
