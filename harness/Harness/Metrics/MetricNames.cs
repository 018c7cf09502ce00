namespace Harness.Metrics;

/// <summary>
/// The metric name space (documented in docs/metrics.md). Names are '/'-separated paths: a family, then optionally a
/// class name, then optionally a slice, e.g. <c>coco/AP50/pedestrian</c> or <c>recall@0.5/car/range:0-30m</c>.
/// A metric that is undefined for a clip (no truth to measure it on) is absent rather than given a sentinel value.
/// </summary>
public static class MetricNames
{
    /// <summary>Operating-point precision at IoU 0.5, pooled over classes; per class with <see cref="PerClass"/>.</summary>
    public const string Precision = "precision@0.5";

    /// <summary>Operating-point recall at IoU 0.5, pooled over classes; per class with <see cref="PerClass"/>.</summary>
    public const string Recall = "recall@0.5";

    /// <summary>Operating-point F1 at IoU 0.5: 2TP / (2TP + FP + FN), pooled over classes.</summary>
    public const string F1 = "f1@0.5";

    /// <summary>False positives per frame at the operating point, all classes.</summary>
    public const string FalsePositivesPerFrame = "fp_per_frame";

    /// <summary>A scenario's wall-clock replay time, kept in the history beside its metrics to balance later shards.</summary>
    public const string ReplaySeconds = "run/replay_seconds";

    /// <summary>p99 of the total per-frame latency (same value as <c>latency/total/p99_ms</c>).</summary>
    public const string LatencyP99 = "latency/p99_ms";

    /// <summary>Frames per second over the measured (post warm-up) frames: count / sum of total latency.</summary>
    public const string ThroughputFps = "throughput/fps";

    /// <summary>The latency stages, in pipeline order.</summary>
    public static IReadOnlyList<string> LatencyStages { get; } = ["preprocess", "inference", "postprocess", "total"];

    /// <summary>The reported latency percentiles.</summary>
    public static IReadOnlyList<int> LatencyPercentiles { get; } = [50, 90, 99];

    /// <summary>The recall slices, in the order they are reported.</summary>
    public static IReadOnlyList<string> RecallSlices { get; } =
    [
        "range:0-30m", "range:30-50m", "range:50m+",
        "size:small", "size:medium", "size:large",
        "occlusion:none", "occlusion:partial", "occlusion:heavy",
        "kitti:easy", "kitti:moderate", "kitti:hard",
    ];

    /// <summary><c>coco/&lt;stat&gt;</c>, with a stat name from <see cref="Coco.CocoStats.Names"/> (AP, AP50, ..., AR_large).</summary>
    public static string Coco(string stat) => $"coco/{stat}";

    /// <summary><c>coco/&lt;stat&gt;/&lt;class&gt;</c> (stat AP or AP50).</summary>
    public static string Coco(string stat, string className) => $"coco/{stat}/{className}";

    /// <summary><c>&lt;metric&gt;/&lt;class&gt;</c>, e.g. <c>precision@0.5/car</c>.</summary>
    public static string PerClass(string metric, string className) => $"{metric}/{className}";

    /// <summary><c>recall@0.5/&lt;class&gt;/&lt;slice&gt;</c> with a slice from <see cref="RecallSlices"/>.</summary>
    public static string RecallSlice(string className, string slice) => $"{Recall}/{className}/{slice}";

    /// <summary>
    /// Timing metrics depend on the machine, not the model: they are never compared to a baseline by default and get
    /// no bootstrap interval (<see cref="Families.MetricFamily.IsTiming"/>; the replay time is kept beside them).
    /// </summary>
    public static bool IsTiming(string metric) => metric == ReplaySeconds || Families.MetricFamilies.Of(metric)?.IsTiming == true;

    /// <summary>Whether a larger value is better (<see cref="Families.MetricFamily.HigherIsBetter"/>); latency and false positives per frame are lower-is-better.</summary>
    public static bool HigherIsBetter(string metric) => Families.MetricFamilies.Of(metric)?.HigherIsBetter(metric) ?? true;

    /// <summary>The values a metric can take (<see cref="Families.MetricFamily.Range"/>); unbounded for a name no family writes.</summary>
    internal static (double Min, double Max) Range(string metric) =>
        metric == ReplaySeconds ? (0, double.PositiveInfinity)
        : Families.MetricFamilies.Of(metric)?.Range(metric) ?? (double.NegativeInfinity, double.PositiveInfinity);

    /// <summary><c>latency/&lt;stage&gt;/p&lt;percentile&gt;_ms</c>.</summary>
    public static string Latency(string stage, int percentile) => $"latency/{stage}/p{percentile}_ms";
}
