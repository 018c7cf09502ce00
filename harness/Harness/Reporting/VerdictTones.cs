using Harness.Gate;

namespace Harness.Reporting;

/// <summary>The one map from a verdict to its <see cref="VerdictTone"/>.</summary>
internal static class VerdictTones
{
    /// <summary>A failure outranks a warning (a waived regression among them), a warning an improvement; a missing baseline that does not fail is last.</summary>
    public static VerdictTone Of(ScenarioVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict.Failed ? VerdictTone.Failure
            : verdict.Warnings > 0 || verdict.Waived ? VerdictTone.Warning
            : verdict.Improved ? VerdictTone.Improved
            : verdict.BaselineMissing ? VerdictTone.Missing
            : VerdictTone.Pass;
    }

    /// <summary>A metric's row: a regression or error fails only when the metric is gated; otherwise it warns.</summary>
    public static VerdictTone Of(MetricVerdict row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Outcome switch
        {
            MetricOutcome.Regressed or MetricOutcome.Error or MetricOutcome.Undefined when row.Blocking => VerdictTone.Failure,
            MetricOutcome.Missing => VerdictTone.Failure,
            MetricOutcome.PossibleRegression or MetricOutcome.Regressed or MetricOutcome.Error or MetricOutcome.Waived => VerdictTone.Warning,
            MetricOutcome.Undefined when row.Baseline is not null => VerdictTone.Warning,
            MetricOutcome.Undefined => VerdictTone.Muted,
            MetricOutcome.Improved => VerdictTone.Improved,
            MetricOutcome.LowSupport or MetricOutcome.Skipped => VerdictTone.Muted,
            _ => VerdictTone.Pass,
        };
    }
}
