using System.Collections.Concurrent;

namespace OnlineRecs.Grains.Users;

/// <summary>
/// For read-your-writes, per user, the newest event this silo acknowledged and the model has not learned yet, and which
/// users' grains are active here. The event path records an acknowledgement here, where a local user grain reads it
/// without a call; only a user whose grain is not here hears of it by a call (<c>IUserGrain.Acknowledged</c>), which a
/// grain busy learning would answer late, holding the acknowledgement back with it.
/// </summary>
public sealed class UnlearnedAcknowledgements
{
    private readonly ConcurrentDictionary<int, long> _newest = new();
    private readonly ConcurrentDictionary<int, byte> _activeHere = new();

    public void Activated(int userId) => _activeHere[userId] = 0;

    public void Deactivated(int userId) => _activeHere.TryRemove(userId, out _);

    public bool IsActiveHere(int userId) => _activeHere.ContainsKey(userId);

    public void Acknowledge(int userId, long sequence) => _newest.AddOrUpdate(userId, sequence, (_, known) => Math.Max(known, sequence));

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
