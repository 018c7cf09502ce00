namespace Harness.Results;

/// <summary>A result bundle or results folder that cannot be read: missing, truncated, corrupt, or of another format version. The message names the file.</summary>
public sealed class ResultsFormatException : HarnessInputException
{
    public ResultsFormatException()
    {
    }

    public ResultsFormatException(string message)
        : base(message)
    {
    }

    public ResultsFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
