namespace OnlineRecs.Abstractions.Events;

/// <summary>
/// What an acknowledged batch became: every record is in the durable log, to be learned in log order.
/// <paramref name="LastSequence"/> is the log position of the batch's last record.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record IngestReceipt(
    [property: Id(0)] int Accepted,
    [property: Id(1)] int Positives,
    [property: Id(2)] long LastSequence);
