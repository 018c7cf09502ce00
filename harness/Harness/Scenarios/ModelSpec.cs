using Harness.Postprocessing.Layouts;

namespace Harness.Scenarios;

/// <summary>The detector under test, how its output is laid out, and how its input is prepared.</summary>
public sealed record ModelSpec(
    string Source,
    string? Sha256,
    OutputLayout Layout,
    InputSpec Input,
    IReadOnlyList<string> Classes,
    SessionSpec Session)
{
    /// <summary>The layout's own settings (<see cref="OutputLayout.Settings"/>), its defaults unless the scenario sets them.</summary>
    public LayoutSettings LayoutSettings { get; init; } = Layout.DefaultSettings;
}
