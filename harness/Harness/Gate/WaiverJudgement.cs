using Harness.Scenarios;

namespace Harness.Gate;

/// <summary>
/// A regression judged once more, against the change its metric's waiver allows, by the rule that found it: within
/// the waiver it is <see cref="MetricOutcome.Waived"/>; beyond it, it stays a regression (a possible one where either
/// judgement was only possible: a waiver never makes a verdict worse). Either way the row names the waiver.
/// </summary>
internal static class WaiverJudgement
{
    /// <param name="regression">A regressed or possibly regressed row, judged against an allowed change from a baseline value.</param>
    /// <param name="decide">The gate's rule; null for a metric no gate names, whose point estimate alone never warns.</param>
    public static MetricVerdict Judge(MetricVerdict regression, Waiver waiver, DecisionRule? decide)
    {
        var reference = regression.Baseline ?? throw new ArgumentException("a regression is judged against a baseline value", nameof(regression));
        var limit = waiver.AllowedChange.AbsoluteFor(reference) + SignificantDigits.Slack(reference);
        var beyond = Worsening.Of(regression).Against(limit, decide ?? DecisionRule.SureRegression);
        var outcome = beyond == MetricOutcome.Regressed || (beyond == MetricOutcome.PossibleRegression && decide is not null)
            ? regression.Outcome == MetricOutcome.PossibleRegression ? MetricOutcome.PossibleRegression : beyond
            : MetricOutcome.Waived;
        return regression with { Outcome = outcome, Waiver = waiver, Allowed = regression.Allowed + ", waived to " + waiver.Allowed };
    }
}
