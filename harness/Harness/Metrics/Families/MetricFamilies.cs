using Harness.Metrics.Families.MatchedIou;
using Harness.Metrics.Families.Stability;
using Harness.Metrics.Families.Tide;
using Harness.Metrics.Families.Streaming;

namespace Harness.Metrics.Families;

/// <summary>
/// The registered metric families, in the order their metrics are laid out (docs/metrics.md describes each; a new
/// family is one class and one line here, docs/extending.md). Every fact about a metric name (its family, direction,
/// range, whether it is timing, whether it exists) is looked up here.
/// </summary>
internal static class MetricFamilies
{
    public static IReadOnlyList<MetricFamily> All { get; } =
    [
        new CocoFamily(),
        new OperatingPointFamily(),
        new RecallSlicesFamily(),
        new MatchedIouFamily(),
        new StabilityFamily(),
        new TideFamily(),
        new StreamingFamily(),
        new LatencyFamily(),
        new ThroughputFamily(),
    ];

    /// <summary>The families compared with a baseline and resampled: every family that is not timing.</summary>
    public static IReadOnlyList<MetricFamily> Quality { get; } = [.. All.Where(f => !f.IsTiming)];

    /// <summary>Every root, in registration order: the first parts a metric name can have.</summary>
    public static IReadOnlyList<string> Roots { get; } = [.. All.SelectMany(f => f.Roots).Distinct(StringComparer.Ordinal)];

    /// <summary>The family that claims <paramref name="metric"/>, or null when no family has its root.</summary>
    public static MetricFamily? Of(string metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return Of(metric.Split('/'));
    }

    /// <inheritdoc cref="Of(string)"/>
    public static MetricFamily? Of(IReadOnlyList<string> parts)
    {
        foreach (var family in All)
        {
            if (family.Roots.Contains(parts[0], StringComparer.Ordinal) && family.Claims(parts))
            {
                return family;
            }
        }

        return null;
    }
}
