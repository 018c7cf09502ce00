namespace Harness.Gate;

/// <summary>
/// One row of the gate table: what the baseline said, what was measured, what was allowed, and the outcome.
/// <see cref="Low"/>..<see cref="High"/> is the 95% interval of the change (paired bootstrap over frames), absent when
/// the frames of the two runs cannot be paired; <see cref="Blocking"/> is false for metrics no gate names, which warn
/// but never fail.
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
}
