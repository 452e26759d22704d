using System.Text.Json.Serialization;
using OnlineRecs.Abstractions.Events;

namespace OnlineRecs.Abstractions.Http;

/// <summary>
/// An event as JSON: <c>{"userId":1,"itemId":31,"rating":4.5,"timestamp":964982703}</c>, <c>weight</c> optional.
/// Ids are read wide so that an id out of range is reported as such; a missing timestamp means now. Read through its
/// properties, not its constructor: with five parameters the reader boxes every value of every event it reads.
/// </summary>
public sealed record EventRecord
{
    public EventRecord()
    {
    }

    public EventRecord(long userId, long itemId, double rating, long? timestamp = null, double? weight = null) =>
        (UserId, ItemId, Rating, Timestamp, Weight) = (userId, itemId, rating, timestamp, weight);

    [JsonRequired] public long UserId { get; init; }

    [JsonRequired] public long ItemId { get; init; }

    [JsonRequired] public double Rating { get; init; }

    public long? Timestamp { get; init; }

    public double? Weight { get; init; }

    /// <summary>The event; ids must already be checked to fit an int.</summary>
    public RatingEvent ToEvent(long now) =>
        new((int)UserId, (int)ItemId, (float)Rating, Timestamp ?? now, (float)(Weight ?? 1.0));

    public static EventRecord From(RatingEvent e) => new(e.UserId, e.ItemId, e.Rating, e.Timestamp, e.Weight);
}

/// <summary>What <c>POST /events</c> answers: all events are durable and learned.</summary>
public sealed record IngestResponse(int Accepted, int Positives, long LastSequence);
