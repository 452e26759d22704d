using Orleans.Serialization;

namespace OnlineRecs.Abstractions.Events;

/// <summary>What warms the ingest path: a valid sample batch for dry runs, and the serialization an ingest call takes.</summary>
public static class IngestCodecs
{
    /// <summary>Round-trips a batch and its receipt, so that the first batch sent does not compile their codecs on its way.</summary>
    public static void Compile(Serializer serializer)
    {
        var batch = SampleBatch(2);
        serializer.Deserialize<RatingEvent[]>(serializer.SerializeToArray(batch));
        serializer.Deserialize<IngestReceipt>(serializer.SerializeToArray(new IngestReceipt(batch.Length, 1, batch.Length)));
    }

    /// <summary>A valid batch of <paramref name="size"/> events of distinct users and items, half of them positive.</summary>
    public static RatingEvent[] SampleBatch(int size) =>
        [.. Enumerable.Range(0, size).Select(n => new RatingEvent(n, n, 1f + n % 2 * 4f, n, n % 3 == 0 ? 0.5f : 1f))];
}
