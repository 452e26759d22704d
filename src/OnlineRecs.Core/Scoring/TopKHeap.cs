namespace OnlineRecs.Core.Scoring;

/// <summary>
/// The best <c>capacity</c> items offered so far, kept as a heap whose root is the worst of them,
/// so an offer that does not make the cut costs one comparison.
/// </summary>
internal sealed class TopKHeap
{
    private readonly ScoredItem[] _heap;
    private int _count;

    public TopKHeap(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _heap = new ScoredItem[capacity];
    }

    /// <summary>The score an item must reach to enter; ties enter only with a lower index than the worst kept item.</summary>
    public float Threshold => _count < _heap.Length ? float.NegativeInfinity : _heap[0].Score;

    public void Offer(int item, float score)
    {
        var candidate = new ScoredItem(item, score);
        if (_count < _heap.Length)
        {
            SiftUp(_count++, candidate);
        }
        else if (IsWorse(_heap[0], candidate))
        {
            SiftDown(candidate);
        }
    }

    /// <summary>The kept items, best first.</summary>
    public ScoredItem[] ToSortedArray()
    {
        var result = _count == _heap.Length ? _heap : _heap[.._count];
        Array.Sort(result, static (a, b) => IsWorse(a, b) ? 1 : IsWorse(b, a) ? -1 : 0);
        return result;
    }

    private static bool IsWorse(ScoredItem a, ScoredItem b) =>
        a.Score < b.Score || (a.Score == b.Score && a.Item > b.Item);

    private void SiftUp(int position, ScoredItem value)
    {
        while (position > 0)
        {
            var parent = (position - 1) >> 1;
            if (!IsWorse(value, _heap[parent])) break;
            _heap[position] = _heap[parent];
            position = parent;
        }

        _heap[position] = value;
    }

    private void SiftDown(ScoredItem value)
    {
        var position = 0;
        while (true)
        {
            var child = 2 * position + 1;
            if (child >= _count) break;
            if (child + 1 < _count && IsWorse(_heap[child + 1], _heap[child])) child++;
            if (!IsWorse(_heap[child], value)) break;
            _heap[position] = _heap[child];
            position = child;
        }

        _heap[position] = value;
    }
}
