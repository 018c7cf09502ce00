namespace Harness.Scenarios;

/// <summary>The detector under test, how its output is laid out, and how its input is prepared.</summary>
public sealed record ModelSpec(
    string Source,
    string? Sha256,
    ModelLayout Layout,
    InputSpec Input,
    IReadOnlyList<string> Classes,
    SessionSpec Session);
