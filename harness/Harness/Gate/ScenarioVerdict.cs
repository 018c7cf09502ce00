using Harness.Metrics.Flips;

namespace Harness.Gate;

/// <summary>
/// The gate's decision for one scenario. <see cref="Notes"/> records what does not fail by itself (new model hash,
/// platform differences, intervals unavailable) so a reviewer sees it; <see cref="Flips"/> says which objects changed
/// against the baseline, when its detections are known.
/// </summary>
public sealed record ScenarioVerdict(
    string ScenarioId,
    IReadOnlyList<MetricVerdict> Metrics,
    IReadOnlyList<string> Notes,
    bool BaselineMissing,
    bool IsCi,
    string? Error = null)
{
    public PipelineAgreement Agreement { get; init; } = PipelineAgreement.NotApplicable;

    public FlipSummary? Flips { get; init; }

    /// <summary>Whether a possible regression of a gated metric fails the scenario.</summary>
    public bool Strict { get; init; }

    /// <summary>The waivers in force for this scenario on the day it was judged, whether a regression needed them or not.</summary>
    public IReadOnlyList<Waiver> Waivers { get; init; } = [];

    public bool Failed =>
        Error is not null ||
        Agreement == PipelineAgreement.Changed ||
        BlockingRegression ||
        (Strict && Metrics.Any(m => m.Blocking && m.Outcome == MetricOutcome.PossibleRegression)) ||
        (IsCi && (BaselineMissing || Metrics.Any(m => m.Outcome == MetricOutcome.Missing)));

    /// <summary>
    /// Rows that warn without failing: possible regressions of gated metrics, and changes of metrics no gate names that
    /// survive the false-discovery-rate control (or that became undefined).
    /// </summary>
    public int Warnings => Metrics.Count(IsWarning);

    public bool Improved => !Failed && Metrics.Any(m => m.Outcome == MetricOutcome.Improved);

    /// <summary>A regression a waiver allows: the scenario passes, and says so, so the waiver is seen while it lasts.</summary>
    public bool Waived => !Failed && Metrics.Any(m => m.Outcome == MetricOutcome.Waived);

    public string Summary =>
        Error is not null ? "error"
        : Agreement == PipelineAgreement.Changed ? "pipeline changed"
        : BlockingRegression ? "regressed"
        : BaselineMissing || (IsCi && Metrics.Any(m => m.Outcome == MetricOutcome.Missing)) ? "missing baseline"
        : Failed ? "possible regression"
        : Warnings > 0 ? "warnings"
        : Waived ? "waived"
        : Improved ? "improved"
        : Agreement == PipelineAgreement.Equivalent ? "equivalent"
        : "pass";

    private bool BlockingRegression => Metrics.Any(m => m.Blocking && m.Outcome is MetricOutcome.Regressed or MetricOutcome.Error or MetricOutcome.Undefined);

    /// <summary>A scenario that could not run fails the gate: it never passes by saying nothing.</summary>
    public static ScenarioVerdict ForError(string scenarioId, string message, bool isCi) =>
        new(scenarioId, [], [], BaselineMissing: false, isCi, message);

    internal static bool IsWarning(MetricVerdict m) =>
        m.Outcome == MetricOutcome.PossibleRegression ||
        (!m.Blocking && (m.Outcome is MetricOutcome.Regressed or MetricOutcome.Error || (m.Outcome == MetricOutcome.Undefined && m.Baseline is not null)));
}
