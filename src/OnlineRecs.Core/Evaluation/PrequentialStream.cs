using OnlineRecs.Core.Data;

namespace OnlineRecs.Core.Evaluation;

/// <summary>§4.1–2: every rating in timestamp order (ties in file order), and where the replayed second half starts.</summary>
internal sealed class PrequentialStream
{
    public PrequentialStream(RatingDataset data, float threshold)
    {
        Universe = new Universe(data.Ratings);
        // OrderBy is a stable sort, which is what keeps ties in file order.
        Events = [.. data.Ratings.OrderBy(r => r.Timestamp).Select(r =>
            new PrequentialEvent(Universe.Users.IndexOf(r.UserId), Universe.Items.IndexOf(r.ItemId), r.Value >= threshold))];
        ReplayStart = Events.Length / 2;
    }

    public Universe Universe { get; }

    public PrequentialEvent[] Events { get; }

    public int ReplayStart { get; }

    public ReadOnlySpan<PrequentialEvent> InitialEvents => Events.AsSpan(0, ReplayStart);

    public ReadOnlySpan<PrequentialEvent> ReplayEvents => Events.AsSpan(ReplayStart);
}
