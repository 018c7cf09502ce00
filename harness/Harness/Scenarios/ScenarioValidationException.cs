namespace Harness.Scenarios;

/// <summary>A scenario file that cannot be used; carries every problem found, not just the first.</summary>
public sealed class ScenarioValidationException : HarnessInputException
{
    public ScenarioValidationException(IReadOnlyList<ValidationError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public ScenarioValidationException()
        : this([])
    {
    }

    public ScenarioValidationException(string message)
        : this([new ValidationError("?", 0, 0, "", message)])
    {
    }

    public ScenarioValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new ValidationError("?", 0, 0, "", message)];
    }

    public IReadOnlyList<ValidationError> Errors { get; }
}
