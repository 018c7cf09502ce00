using Harness.Metrics;
using Harness.Scenarios;

namespace Harness.Gate;

/// <summary>
/// How far a change moved a metric in its worse direction (negative: better), at the better end of its interval
/// (<see cref="Least"/>), at the point estimate and at the worse end (<see cref="Most"/>); without an interval all three
/// are the point change. Gates and waivers judge it with the same rules.
/// </summary>
internal readonly record struct Worsening(double Least, double Point, double Most)
{
    public static Worsening Of(string metric, double change, double low, double high) =>
        MetricNames.HigherIsBetter(metric) ? new(-high, -change, -low) : new(low, change, high);

    /// <summary>A judged row's, from its change and its interval, or its change alone where it shows no interval.</summary>
    public static Worsening Of(MetricVerdict row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var change = row.Change ?? 0;
        return Of(row.Metric, change, row.Low ?? change, row.High ?? change);
    }

    /// <summary>The whole interval lies beyond <paramref name="limit"/> on the better side.</summary>
    public bool ImprovedBeyond(double limit) => -Most > limit;

    /// <summary>
    /// A gated metric's outcome against <paramref name="limit"/> (the allowance plus the rounding slack): by
    /// <paramref name="decide"/>, regressed when the interval lies wholly beyond it (non-inferiority: when any of it
    /// does), possibly regressed when only the point estimate does.
    /// </summary>
    public MetricOutcome Against(double limit, DecisionRule decide) =>
        decide == DecisionRule.NonInferiority
            ? Most > limit ? MetricOutcome.Regressed : ImprovedBeyond(limit) ? MetricOutcome.Improved : MetricOutcome.Pass
            : Least > limit ? MetricOutcome.Regressed
            : Point > limit ? MetricOutcome.PossibleRegression
            : ImprovedBeyond(limit) ? MetricOutcome.Improved
            : MetricOutcome.Pass;
}
