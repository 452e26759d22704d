using System.Text.Json.Serialization;
using OnlineRecs.Abstractions.Events;

namespace OnlineRecs.Abstractions.Http;

/// <summary>
/// An event as JSON: <c>{"userId":1,"itemId":31,"rating":4.5,"timestamp":964982703}</c>, <c>weight</c> optional.
/// Ids are read wide so that an id out of range is reported as such; a missing timestamp means now.
/// </summary>
public sealed record EventRecord(
    [property: JsonRequired] long UserId,
    [property: JsonRequired] long ItemId,
    [property: JsonRequired] double Rating,
    long? Timestamp = null,
    double? Weight = null)
{
    /// <summary>The event; ids must already be checked to fit an int.</summary>
    public RatingEvent ToEvent(long now) =>
        new((int)UserId, (int)ItemId, (float)Rating, Timestamp ?? now, (float)(Weight ?? 1.0));

    public static EventRecord From(RatingEvent e) => new(e.UserId, e.ItemId, e.Rating, e.Timestamp, e.Weight);
}

/// <summary>What <c>POST /events</c> answers: all events are durable and learned.</summary>
public sealed record IngestResponse(int Accepted, int Positives, long LastSequence);
