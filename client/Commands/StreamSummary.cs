namespace OnlineRecs.Client.Commands;

/// <summary>
/// What a replay achieved. <paramref name="EventsPerSecond"/> counts acknowledged (durable) events over the time until
/// the last acknowledgement; <paramref name="LearnedPerSecond"/> over the time until the model had learned them all,
/// the cluster's sustained rate with online learning; latencies are per batch, from send to acknowledgement.
/// </summary>
internal sealed record StreamSummary(long Sent, long Acknowledged, long Errors, double Seconds, double EventsPerSecond,
    double LearnedPerSecond, double AckP50Ms, double AckP99Ms, string? FirstError);
