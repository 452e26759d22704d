using Orleans.Serialization;

namespace OnlineRecs.Abstractions.Events;

/// <summary>The serialization an ingest call takes, on either side of the gateway.</summary>
public static class IngestCodecs
{
    /// <summary>Round-trips a batch and its receipt, so that the first batch sent does not compile their codecs on its way.</summary>
    public static void Compile(Serializer serializer)
    {
        RatingEvent[] batch = [new(0, 0, 1f, 0), new(0, 1, 2f, 1, 0.5f)];
        serializer.Deserialize<RatingEvent[]>(serializer.SerializeToArray(batch));
        serializer.Deserialize<IngestReceipt>(serializer.SerializeToArray(new IngestReceipt(batch.Length, 1, batch.Length)));
    }
}
