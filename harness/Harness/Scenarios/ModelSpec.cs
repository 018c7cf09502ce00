namespace Harness.Scenarios;

/// <summary>
/// The detector under test, how its output is laid out, how its input is prepared, and how its classes (and the
/// clip's truth labels) map to the classes the metrics count.
/// </summary>
public sealed record ModelSpec(
    string Source,
    string? Sha256,
    ModelLayout Layout,
    InputSpec Input,
    ClassMap Classes,
    SessionSpec Session);
