namespace Harness.Scenarios;

/// <summary>A problem of a scenario not yet placed in a file: the YAML field it names and what is wrong.</summary>
internal sealed record FieldProblem(string Field, string Message);
