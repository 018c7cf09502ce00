namespace Harness;

/// <summary>
/// Something a user gave the harness cannot be used: a scenario file, clip, model, baseline, annotation file or
/// results folder that is missing, corrupt or does not fit. The message names the file and what is wrong, so a
/// caller catches this one type and shows the message; any other exception is a defect of the harness.
/// </summary>
public abstract class HarnessInputException : Exception
{
    protected HarnessInputException()
    {
    }

    protected HarnessInputException(string message)
        : base(message)
    {
    }

    protected HarnessInputException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
