namespace Harness.Gate;

/// <summary>
/// The gate's decision for one scenario. <see cref="Notes"/> records changes that do not fail by themselves (new
/// model hash, changed detections) so a reviewer sees them.
/// </summary>
public sealed record ScenarioVerdict(
    string ScenarioId,
    IReadOnlyList<MetricVerdict> Metrics,
    IReadOnlyList<string> Notes,
    bool BaselineMissing,
    bool IsCi,
    string? Error = null)
{
    public bool Failed =>
        Error is not null ||
        Metrics.Any(m => m.Outcome is MetricOutcome.Regressed or MetricOutcome.Error) ||
        (IsCi && Metrics.Any(m => m.Outcome == MetricOutcome.Missing)) ||
        (IsCi && BaselineMissing);

    public bool Improved => !Failed && Metrics.Any(m => m.Outcome == MetricOutcome.Improved);

    public string Summary =>
        Error is not null ? "error"
        : Failed ? "regressed"
        : BaselineMissing ? "missing baseline"
        : Improved ? "improved"
        : "pass";

    /// <summary>A scenario that could not run fails the gate: it never passes by saying nothing.</summary>
    public static ScenarioVerdict ForError(string scenarioId, string message, bool isCi) =>
        new(scenarioId, [], [], BaselineMissing: false, isCi, message);
}
