namespace Harness.Inference;

/// <summary>A model that cannot be loaded or does not match its contract; the message names the model and the shapes.</summary>
public sealed class DetectorModelException : HarnessInputException
{
    public DetectorModelException(string message)
        : base(message)
    {
    }

    public DetectorModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DetectorModelException()
    {
    }
}
