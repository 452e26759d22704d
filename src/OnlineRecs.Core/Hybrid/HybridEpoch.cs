using OnlineRecs.Core.Randomness;
using OnlineRecs.Core.Sparse;
using OnlineRecs.Core.Threading;

namespace OnlineRecs.Core.Hybrid;

/// <summary>
/// One pass over the interactions in a fresh random order, split across worker threads that update
/// the shared parameters without locks (Hogwild, Recht et al. 2011), as LightFM does. Each worker
/// owns a set of users, so a user's rows, written on every step, stay in one core's cache: with
/// users shared, two threads ran no faster than one.
/// With <paramref name="entryUserRows"/> (one user row per interaction, e.g. with the items the user liked just
/// before it as context), the loss steps see each interaction as its own user row; the subject they pass around is
/// then the interaction, not the user.
/// </summary>
internal sealed class HybridEpoch(HybridModel model, CsrMatrix interactions, CsrMatrix userFeatures, CsrMatrix itemFeatures,
    CsrMatrix? entryUserRows = null) : ILossContext
{
    private readonly int[] _userOfEntry = UserOfEntry(interactions);
    private readonly int[] _workerOfUser = BalancedWorkers(interactions, model.Options.Threads);

    public HybridOptions Options => model.Options;
    public CsrMatrix Interactions => interactions;

    /// <summary>Runs the epoch and returns the mean loss of its updates.</summary>
    public double Run(int epochNumber)
    {
        var options = Options;
        var kos = options.Loss == LossKind.WarpKos;
        var order = Shuffled(kos ? interactions.Rows : interactions.NonZeros, options.Seed, epochNumber);
        var threads = options.Threads;
        var scratch = new TrainingScratch[threads];

        WorkerThreads.Run(threads, t =>
        {
            // Allocated on its own thread so that workers' random states and counters, written on
            // every step, do not share a cache line.
            var s = scratch[t] = new TrainingScratch(model.Factors, SplitMix64.Mix(options.Seed ^ ((ulong)epochNumber << 20) ^ (ulong)t));
            for (var n = 0; n < order.Length; n++)
            {
                if (kos)
                {
                    if (_workerOfUser[order[n]] == t) KosWarpLoss.Step(this, order[n], s);
                    continue;
                }
                var entry = order[n];
                var user = _userOfEntry[entry];
                if (_workerOfUser[user] != t) continue;
                var item = interactions.Columns[entry];
                var weight = interactions.Values[entry];
                var subject = entryUserRows is null ? user : entry;
                switch (options.Loss)
                {
                    case LossKind.Warp: WarpLoss.Step(this, subject, item, weight, s); break;
                    case LossKind.Bpr: BprLoss.Step(this, subject, item, weight, s); break;
                    default: LogisticLoss.Step(this, subject, item, weight, s); break;
                }
            }
        });

        var updates = scratch.Sum(s => s.Updates);
        return updates == 0 ? 0 : scratch.Sum(s => s.LossSum) / updates;
    }

    public int ItemCount => interactions.Cols;

    public int DrawItem(ref FastRandom random) => random.Next(interactions.Cols);

    public bool IsPositive(int subject, int item) => interactions.RowColumns(UserOf(subject)).BinarySearch(item) >= 0;

    public float RepresentUser(int subject, Span<float> into) => model.RepresentUser(UserRow(subject), into);

    public float RepresentItem(int item, Span<float> into) => model.RepresentItem(FeatureRow.Of(itemFeatures, item), into);

    public void DescendUser(int subject, float scale, ReadOnlySpan<float> direction, float biasGradient) =>
        model.DescendUser(UserRow(subject), scale, direction, biasGradient);

    public void DescendItem(int item, float scale, ReadOnlySpan<float> direction, float biasGradient) =>
        model.DescendItem(FeatureRow.Of(itemFeatures, item), scale, direction, biasGradient);

    private int UserOf(int subject) => entryUserRows is null ? subject : _userOfEntry[subject];

    private FeatureRow UserRow(int subject) => FeatureRow.Of(entryUserRows ?? userFeatures, subject);

    private static int[] UserOfEntry(CsrMatrix m)
    {
        var users = new int[m.NonZeros];
        for (var u = 0; u < m.Rows; u++) users.AsSpan(m.RowStart[u], m.RowLength(u)).Fill(u);
        return users;
    }

    /// <summary>Users to workers, heaviest first to the least loaded, so each worker gets about the same number of steps.</summary>
    private static int[] BalancedWorkers(CsrMatrix m, int workers)
    {
        var workerOf = new int[m.Rows];
        if (workers == 1) return workerOf;
        var load = new long[workers];
        foreach (var u in Enumerable.Range(0, m.Rows).OrderByDescending(m.RowLength).ThenBy(u => u))
        {
            var lightest = Array.IndexOf(load, load.Min());
            workerOf[u] = lightest;
            load[lightest] += Math.Max(1, m.RowLength(u));
        }
        return workerOf;
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
