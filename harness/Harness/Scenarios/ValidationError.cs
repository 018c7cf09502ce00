namespace Harness.Scenarios;

/// <summary>One problem in a scenario file, located precisely enough to fix without guessing.</summary>
public sealed record ValidationError(string File, int Line, int Column, string Field, string Message)
{
    public override string ToString() => Field.Length == 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}:{Line}:{Column}: {Field}: {Message}";
}
