namespace OnlineRecs.Client.Cluster;

/// <summary>No answer came at all, so sending more is pointless (unlike a refused batch).</summary>
public sealed class ClusterUnreachableException(string message, Exception? inner = null) : ClusterException(message, inner);
