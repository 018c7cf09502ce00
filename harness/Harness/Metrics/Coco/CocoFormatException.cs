namespace Harness.Metrics.Coco;

/// <summary>A COCO JSON file that is missing, unreadable, or not shaped as the COCO format requires.</summary>
public sealed class CocoFormatException : HarnessInputException
{
    public CocoFormatException(string filePath, string problem, Exception? innerException = null)
        : base($"{filePath}: {problem}", innerException)
    {
        FilePath = filePath;
    }

    public CocoFormatException()
    {
        FilePath = string.Empty;
    }

    public CocoFormatException(string message)
        : base(message)
    {
        FilePath = string.Empty;
    }

    public CocoFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = string.Empty;
    }

    public string FilePath { get; }
}
