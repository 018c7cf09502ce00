namespace Harness.Export;

/// <summary>An export the results cannot give: a scenario that did not run, a baseline without detections, a format its clip has no names for.</summary>
internal sealed class ExportException : HarnessInputException
{
    public ExportException(string message)
        : base(message)
    {
    }

    public ExportException()
    {
    }

    public ExportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
