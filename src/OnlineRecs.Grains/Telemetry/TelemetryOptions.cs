namespace OnlineRecs.Grains.Telemetry;

/// <summary>What the silo measures beyond plain counts; bound from the <c>OnlineRecs:Telemetry</c> configuration section.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "OnlineRecs:Telemetry";

    /// <summary>
    /// One positive event in this many (chosen by a hash of its log sequence) is scored before it is learned, for the
    /// live HR@10; 0 turns it off. Each costs one top-10 query.
    /// </summary>
    public int LiveEvaluationEvery { get; set; } = 20;
}
