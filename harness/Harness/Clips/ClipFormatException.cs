namespace Harness.Clips;

/// <summary>A clip that cannot be read: the message names the file and, where known, the byte offset and record.</summary>
public sealed class ClipFormatException : HarnessInputException
{
    public ClipFormatException(string message)
        : base(message)
    {
    }

    public ClipFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ClipFormatException()
    {
    }
}
