namespace Harness.Running;

/// <summary>A scenario's inputs are unusable (hash mismatch, unreadable clip, model of the wrong shape).</summary>
public sealed class ScenarioInputException : HarnessInputException
{
    public ScenarioInputException(string message)
        : base(message)
    {
    }

    public ScenarioInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ScenarioInputException()
    {
    }
}
