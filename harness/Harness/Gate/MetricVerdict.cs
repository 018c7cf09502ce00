namespace Harness.Gate;

/// <summary>
/// One row of the gate table: what the baseline said, what was measured, what was allowed, and the outcome.
/// <see cref="Low"/>..<see cref="High"/> is the interval of the change at <see cref="Confidence"/> (a paired bootstrap
/// over the clip's independent units; for gated metrics Bonferroni-adjusted over the scenario's interval gates), absent
/// when the two runs cannot be paired; <see cref="Blocking"/> is false for metrics no gate names, which warn but never
/// fail.
/// </summary>
public sealed record MetricVerdict(string Metric, double? Baseline, double? Measured, string Allowed, MetricOutcome Outcome)
{
    public double? Change => Measured - Baseline;

    public double? Low { get; init; }

    public double? High { get; init; }

    /// <summary>How many objects (or detections, or frames) the metric is computed over, when known.</summary>
    public long? Support { get; init; }

    /// <summary>The allowed change against the baseline, as an absolute amount, when a gate or family rule sets one.</summary>
    public double? Allowance { get; init; }

    public bool Blocking { get; init; } = true;

    /// <summary>The confidence level of <see cref="Low"/>..<see cref="High"/>, when there is an interval.</summary>
    public double? Confidence { get; init; }

    /// <summary>
    /// For a metric no gate names: the bootstrap p-value of "no change beyond the allowance", which the
    /// false-discovery-rate control over the scenario's ungated metrics judges.
    /// </summary>
    public double? PValue { get; init; }

    /// <summary>
    /// For a gated metric with an interval: the probability that a true change of twice the allowance, as noisy as this
    /// one, is caught as regressed (normal approximation from the interval's width).
    /// </summary>
    public double? Power { get; init; }

    /// <summary>Why the metric has no value (<see cref="MetricOutcome.Undefined"/>), or what else the row needs said.</summary>
    public string? Reason { get; init; }

    /// <summary>
    /// The waiver a regression of this metric was judged against: <see cref="MetricOutcome.Waived"/> within its
    /// allowance, a regression beyond it otherwise.
    /// </summary>
    public Waiver? Waiver { get; init; }
}
