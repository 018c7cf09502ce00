namespace Harness.Postprocessing;

/// <summary>The model's outputs do not have the shape its declared layout requires.</summary>
public sealed class OutputShapeException : HarnessInputException
{
    public OutputShapeException()
    {
    }

    public OutputShapeException(string message)
        : base(message)
    {
    }

    public OutputShapeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
