using Harness.Postprocessing.Layouts;

namespace Harness.Scenarios;

/// <summary>
/// The detector under test, how its output is laid out, how its input is prepared, and how its classes (and the
/// clip's truth labels) map to the classes the metrics count.
/// </summary>
public sealed record ModelSpec(
    string Source,
    string? Sha256,
    OutputLayout Layout,
    InputSpec Input,
    ClassMap Classes,
    SessionSpec Session)
{
    /// <summary>The layout's own settings (<see cref="OutputLayout.Settings"/>), its defaults unless the scenario sets them.</summary>
    public LayoutSettings LayoutSettings { get; init; } = Layout.DefaultSettings;
}
