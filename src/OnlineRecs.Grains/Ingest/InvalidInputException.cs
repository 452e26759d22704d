namespace OnlineRecs.Grains.Ingest;

/// <summary>Input the cluster refuses, whole, with a message that says what is wrong; nothing of it was applied.</summary>
public sealed class InvalidInputException(string message) : ArgumentException(message);
