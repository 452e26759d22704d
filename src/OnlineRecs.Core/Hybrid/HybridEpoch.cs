using OnlineRecs.Core.Evaluation;
using OnlineRecs.Core.Sparse;
using OnlineRecs.Core.Threading;

namespace OnlineRecs.Core.Hybrid;

/// <summary>
/// One pass over the interactions in a fresh random order, split across worker threads that update
/// the shared parameters without locks (Hogwild, Recht et al. 2011), as LightFM does.
/// </summary>
internal sealed class HybridEpoch(HybridModel model, CsrMatrix interactions, CsrMatrix userFeatures, CsrMatrix itemFeatures) : ILossContext
{
    private readonly int[] _userOfEntry = UserOfEntry(interactions);

    public HybridModel Model => model;
    public CsrMatrix Interactions => interactions;

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

    public int ItemCount => interactions.Cols;

    public int DrawItem(ref FastRandom random) => random.Next(interactions.Cols);

    public bool IsPositive(int user, int item) => interactions.RowColumns(user).BinarySearch(item) >= 0;

    public FeatureRow UserRow(int user) => FeatureRow.Of(userFeatures, user);

    public FeatureRow ItemRow(int item) => FeatureRow.Of(itemFeatures, item);

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
