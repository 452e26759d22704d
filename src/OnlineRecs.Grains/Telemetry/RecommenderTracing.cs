using System.Diagnostics;

namespace OnlineRecs.Grains.Telemetry;

/// <summary>
/// The <c>OnlineRecs</c> activity source. An ingest request's span links to the span of the group that learned it,
/// whose children (with Orleans activity propagation on) are the user, item, feature-table and index grain calls.
/// </summary>
public static class RecommenderTracing
{
    public const string SourceName = "OnlineRecs";

    public static readonly ActivitySource Source = new(SourceName);
}
