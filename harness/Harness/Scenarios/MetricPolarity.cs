namespace Harness.Scenarios;

/// <summary>Whether a larger value of a metric is better; decided by the metric namespace, so gates can be direction-aware.</summary>
public static class MetricPolarity
{
    private static readonly string[] LowerIsBetterPrefixes = ["latency/", "fp_per_frame"];

    public static bool HigherIsBetter(string metric) =>
        !LowerIsBetterPrefixes.Any(prefix => metric.StartsWith(prefix, StringComparison.Ordinal));
}
