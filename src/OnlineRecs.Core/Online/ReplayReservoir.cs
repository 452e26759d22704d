using OnlineRecs.Core.Randomness;

namespace OnlineRecs.Core.Online;

/// <summary>
/// A bounded uniform sample of the positives a stream has brought so far (reservoir sampling, Vitter's algorithm R),
/// for the learner to replay through their users as the stream goes on (as RMFX does, Diaz-Aviles et al. 2012). A
/// stream learns each event once, against the items as they were then; replaying old events against the items as
/// they are now keeps users whose history ended long ago in step with them. Every choice is keyed by the event's log
/// sequence, so the sample is a function of the log alone and a replay of the log rebuilds it exactly.
/// </summary>
public sealed class ReplayReservoir
{
    private readonly int _capacity;
    private readonly ulong _seed;
    private readonly List<(int User, int Item)> _positives = [];

    public ReplayReservoir(int capacity, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        (_capacity, _seed) = (capacity, seed ^ 0x5245504C4159UL);
    }

    /// <summary>Positives offered so far, kept or not.</summary>
    public long Offered { get; private set; }

    public int Count => _positives.Count;

    /// <summary>Offers the positive logged at <paramref name="sequence"/>: the n-th offer is kept with probability capacity/n.</summary>
    public void Offer(long sequence, int user, int item)
    {
        Offered++;
        if (_positives.Count < _capacity)
        {
            _positives.Add((user, item));
            return;
        }
        var slot = SplitMix64.Mix(_seed ^ (ulong)sequence) % (ulong)Offered;
        if (slot < (ulong)_capacity) _positives[(int)slot] = (user, item);
    }

    /// <summary><paramref name="count"/> positives drawn uniformly with replacement; none while the sample is empty.</summary>
    public (int User, int Item)[] Draw(int count, ulong seed)
    {
        if (_positives.Count == 0 || count <= 0) return [];
        var random = new FastRandom(seed ^ _seed);
        var drawn = new (int User, int Item)[count];
        for (var n = 0; n < count; n++) drawn[n] = _positives[random.Next(_positives.Count)];
        return drawn;
    }
}
