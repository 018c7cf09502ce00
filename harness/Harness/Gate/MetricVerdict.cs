namespace Harness.Gate;

/// <summary>One row of the gate table: what the baseline said, what was measured, what was allowed, and the outcome.</summary>
public sealed record MetricVerdict(string Metric, double? Baseline, double? Measured, string Allowed, MetricOutcome Outcome);
