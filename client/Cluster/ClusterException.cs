namespace OnlineRecs.Client.Cluster;

/// <summary>The cluster refused a request or could not be asked; the message is one line, fit to print as is.</summary>
public class ClusterException(string message, Exception? inner = null)
    : Exception(message.ReplaceLineEndings(" ").Trim(), inner);
