namespace OnlineRecs.Client.Commands;

/// <summary>
/// What a replay achieved. <paramref name="EventsPerSecond"/> counts acknowledged events, the cluster's sustained
/// ingest rate; latencies are per batch, from send to acknowledgement.
/// </summary>
internal sealed record StreamSummary(long Sent, long Acknowledged, long Errors, double Seconds, double EventsPerSecond,
    double AckP50Ms, double AckP99Ms, string? FirstError);
