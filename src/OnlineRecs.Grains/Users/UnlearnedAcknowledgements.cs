using System.Collections.Concurrent;

namespace OnlineRecs.Grains.Users;

/// <summary>
/// For read-your-writes, per user, the newest event this silo acknowledged and the model has not learned yet: the event
/// path records it before the acknowledgement, and a user's query waits until its grain has learned it (read through
/// <see cref="ClusterAcknowledgements"/>). Bounded by the events the learner may fall behind.
/// </summary>
public sealed class UnlearnedAcknowledgements
{
    private readonly ConcurrentDictionary<int, long> _newest = new();

    /// <summary>Called for every acknowledged event, so the update captures nothing (no closure per call).</summary>
    public void Acknowledge(int userId, long sequence) =>
        _newest.AddOrUpdate(userId, static (_, s) => s, static (_, known, s) => Math.Max(known, s), sequence);

    /// <summary>The newest unlearned acknowledged event of the user, 0 when there is none.</summary>
    public long Newest(int userId) => _newest.GetValueOrDefault(userId);

    /// <summary>Forgets what the model has now learned: every entry at or before <paramref name="lastSequence"/> of these users.</summary>
    public void Learned(IEnumerable<int> userIds, long lastSequence)
    {
        foreach (var user in userIds)
            if (_newest.TryGetValue(user, out var newest) && newest <= lastSequence)
                _newest.TryRemove(KeyValuePair.Create(user, newest));
    }
}
