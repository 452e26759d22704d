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

    /// <summary>
    /// Whether the Orleans dashboard times every grain method call for its per-method view. Off by default: its call
    /// filter sends every grain call through Orleans' filtered invoke path, which deep-copies each result, and ingest
    /// learned about a tenth slower with it, whether or not anyone was looking.
    /// </summary>
    public bool ProfileGrainCalls { get; set; }
}
