using OnlineRecs.Core.Online;

namespace OnlineRecs.Abstractions.Learning;

/// <summary>
/// Summed gradients and squared gradients per key on their way from the grain that gathered them to the one that
/// applies them. Within a silo the message carries the pooled sums themselves: copying every user's item-gradient rows
/// into arrays of their own was most of what online learning allocated (about 10 KB an event), and the collections that
/// set off paused ingest. Between silos only the used rows travel (<see cref="GradientSumsSurrogate{TKey}"/>).
/// The receiver of a result owns its sums and spends them (<see cref="MoveInto"/>); an argument's stay the caller's,
/// to dispose once the call is done.
/// </summary>
[Immutable]
public sealed class GradientSumsMessage<TKey>(GradientSums<TKey> sums) where TKey : notnull
{
    public GradientSums<TKey> Sums { get; } = sums;

    /// <summary>Adds every key's sums into <paramref name="into"/> and returns their rows to the pool: the message is spent.</summary>
    public void MoveInto(GradientSums<TKey> into)
    {
        Sums.AddTo(into);
        Sums.Dispose();
    }
}
