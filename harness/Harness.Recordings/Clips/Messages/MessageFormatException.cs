namespace Harness.Clips.Messages;

/// <summary>A message payload that does not decode with the schema its channel names.</summary>
internal sealed class MessageFormatException : HarnessInputException
{
    public MessageFormatException(string message)
        : base(message)
    {
    }

    public MessageFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MessageFormatException()
    {
    }
}
