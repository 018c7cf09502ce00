namespace Harness.Gate;

/// <summary>Timing metrics depend on the machine, so they are compared only where a gate names them.</summary>
internal static class MetricTiming
{
    public static bool IsTiming(string metric) =>
        metric.StartsWith("latency/", StringComparison.Ordinal) || metric.StartsWith("throughput/", StringComparison.Ordinal);
}
