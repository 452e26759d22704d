using OnlineRecs.Core.Sparse;

namespace OnlineRecs.Core.Evaluation;

/// <summary>What the stream has shown so far: the items of any event, and each user's rated and positive items.</summary>
internal sealed class PrequentialHistory
{
    private readonly bool[] _seen;

    public PrequentialHistory(int users, int items)
    {
        _seen = new bool[items];
        Rated = new HashSet<int>[users];
        Positives = new HashSet<int>[users];
        Arrivals = new List<int>[users];
        for (var u = 0; u < users; u++)
        {
            Rated[u] = [];
            Positives[u] = [];
            Arrivals[u] = [];
        }
    }

    public int ItemCount => _seen.Length;

    /// <summary>Items that appeared in any event, in order of first appearance.</summary>
    public List<int> SeenItems { get; } = [];

    public HashSet<int>[] Rated { get; }

    public HashSet<int>[] Positives { get; }

    public bool IsSeen(int item) => _seen[item];

    /// <summary>§4.3: a positive whose user has an earlier positive and whose item appeared in an earlier event.</summary>
    public bool IsEvaluated(PrequentialEvent e) => e.IsPositive && Positives[e.User].Count > 0 && _seen[e.Item];

    public void Add(PrequentialEvent e)
    {
        if (!_seen[e.Item])
        {
            _seen[e.Item] = true;
            SeenItems.Add(e.Item);
        }
        Rated[e.User].Add(e.Item);
        if (!e.IsPositive || !Positives[e.User].Add(e.Item)) return;
        Arrivals[e.User].Add(e.Item);
        PositiveOrder.Add((e.User, e.Item));
    }

    /// <summary>Each user's distinct positive items in the order they first arrived.</summary>
    public List<int>[] Arrivals { get; }

    /// <summary>Every distinct positive so far, in the order it arrived.</summary>
    public List<(int User, int Item)> PositiveOrder { get; } = [];

    /// <summary>All positives so far as users × items of the whole universe, value 1.</summary>
    public CsrMatrix PositiveMatrix() => PositiveMatrix(Enumerable.Range(0, ItemCount).ToArray(), ItemCount);

    /// <summary>All positives so far as users × columns, where <paramref name="columnOf"/> maps an item to its column.</summary>
    public CsrMatrix PositiveMatrix(int[] columnOf, int columns) =>
        CsrMatrix.FromTriplets(Positives.Length, columns,
            Positives.SelectMany((items, user) => items.Select(item => (user, columnOf[item], 1f))));
}
