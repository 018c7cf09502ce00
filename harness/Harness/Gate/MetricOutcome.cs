namespace Harness.Gate;

/// <summary>How one metric compares with its baseline and gates.</summary>
public enum MetricOutcome
{
    /// <summary>Within the allowed change, or not sure it moved beyond it in either direction.</summary>
    Pass,

    /// <summary>The whole confidence interval lies beyond the allowance on the better side: passes, and flags the baseline for ratcheting.</summary>
    Improved,

    /// <summary>
    /// The whole confidence interval lies beyond the allowance on the worse side, or an absolute bound is crossed; for a
    /// metric no gate names, a change beyond its family's allowance that survives the false-discovery-rate control.
    /// </summary>
    Regressed,

    /// <summary>A gated metric's point estimate is worse than allowed but its interval reaches back inside the allowance: a warning; fails only under strict.</summary>
    PossibleRegression,

    /// <summary>Computed over fewer objects than the minimum support: shown, never gates.</summary>
    LowSupport,

    /// <summary>No baseline value to compare with: fails in CI, where nothing is accepted implicitly.</summary>
    Missing,

    /// <summary>The run did not produce a metric that a gate or the baseline expects, for no reason the metric's definition gives.</summary>
    Error,

    /// <summary>Gated only on another kind of run (timing gates on nightly).</summary>
    Skipped,

    /// <summary>The metric has no value in this run, for the reason <see cref="MetricVerdict.Reason"/> gives (no detections of a class, no truth objects in the clip): a gated one fails.</summary>
    Undefined,

    /// <summary>
    /// A regression within the change a waiver in force allows (<see cref="MetricVerdict.Waiver"/>): shown with the
    /// waiver's owner and reason, never fails. A regression beyond the waiver keeps its own outcome.
    /// </summary>
    Waived,
}
