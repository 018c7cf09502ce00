namespace Harness.Gate;

/// <summary>A baseline file that exists but cannot be read; the message names the file and the problem.</summary>
public sealed class BaselineFormatException : HarnessInputException
{
    public BaselineFormatException(string message)
        : base(message)
    {
    }

    public BaselineFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BaselineFormatException()
    {
    }
}
