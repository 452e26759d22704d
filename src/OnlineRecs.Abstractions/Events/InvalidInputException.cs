namespace OnlineRecs.Abstractions.Events;

/// <summary>
/// Input the cluster refuses, whole, with a message that says what is wrong; nothing of it was applied. It lives
/// beside the messages so that a gateway client can read it back.
/// </summary>
[GenerateSerializer]
public sealed class InvalidInputException : ArgumentException
{
    public InvalidInputException(string message) : base(message)
    {
    }
}
