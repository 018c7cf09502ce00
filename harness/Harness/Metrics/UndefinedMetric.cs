namespace Harness.Metrics;

/// <summary>
/// Why a metric is absent from a run: every metric is undefined for exactly one reason, which follows from its
/// definition (docs/metrics.md), so the name alone says it. A ratio needs its denominator: precision a detection,
/// recall and AP a truth object, a slice a truth object in the slice.
/// </summary>
internal static class UndefinedMetric
{
    private static readonly Dictionary<string, string> CocoAreas = new(StringComparer.Ordinal)
    {
        ["small"] = "small (under 32 x 32 px)",
        ["medium"] = "medium (32 x 32 to 96 x 96 px)",
        ["large"] = "large (over 96 x 96 px)",
    };

    /// <summary>The reason, as <c>no detections of car</c>; null for names outside the metric families that can be undefined.</summary>
    public static string? Reason(string metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var parts = metric.Split('/');
        return parts switch
        {
            ["coco", var stat] => "no " + (Area(stat) is { } area ? area + " " : "") + "truth objects in the clip",
            ["coco", _, var name] => $"no truth objects of {name} in the clip",
            [MetricNames.Precision] => "no detections",
            [MetricNames.Precision, var name] => $"no detections of {name}",
            [MetricNames.Recall] => "no truth objects in the clip",
            [MetricNames.Recall, var name] => $"no truth objects of {name} in the clip",
            [MetricNames.Recall, var name, var slice] => $"no truth objects of {name} in {slice}",
            [MetricNames.F1] => "no truth objects and no detections",
            [MetricNames.F1, var name] => $"no truth objects of {name} and no detections of it",
            [MetricNames.FalsePositivesPerFrame] => "no frames",
            [Families.Tide.TideFamily.Root, _] => "no truth objects in the clip",
            [Families.Tide.TideFamily.Root, _, var name] => $"no truth objects of {name} in the clip",
            _ => null,
        };
    }

    private static string? Area(string stat)
    {
        var underscore = stat.IndexOf('_', StringComparison.Ordinal);
        return underscore > 0 && CocoAreas.TryGetValue(stat[(underscore + 1)..], out var area) ? area : null;
    }
}
