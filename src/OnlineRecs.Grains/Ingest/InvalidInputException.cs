namespace OnlineRecs.Grains.Ingest;

/// <summary>Input the cluster refuses, whole, with a message that says what is wrong; nothing of it was applied.</summary>
[GenerateSerializer]
public sealed class InvalidInputException : ArgumentException
{
    public InvalidInputException(string message) : base(message)
    {
    }
}
