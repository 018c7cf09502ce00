namespace Harness.Metrics.Sweep;

/// <summary>A metric at one threshold: its full-sample value and percentile interval (equal to the value without resamples); NaN where undefined.</summary>
internal sealed record SweepValue(double Value, double Low, double High);
