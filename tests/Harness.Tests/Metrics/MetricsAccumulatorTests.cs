using Harness.Metrics;
using Harness.Metrics.Families;
using Harness.Tests.Testing;

namespace Harness.Tests.Metrics;

[ReferenceTestOf(typeof(LatencyFamily))]
[ReferenceTestOf(typeof(ThroughputFamily))]
public sealed class MetricsAccumulatorTests
{
    private const int Car = 0;
    private const int Pedestrian = 1;

    private static MetricsAccumulator NewAccumulator(int warmup = 0) => new(new MetricsOptions(["car", "pedestrian"], warmup));

    private static TruthBox Truth(int cls, float x, float y, float w, float h, float? range = null, float occlusion = 0, bool ignore = false) =>
        new(cls, x, y, w, h, Occlusion: occlusion, RangeMeters: range, Ignore: ignore);

    private static Detection Det(int cls, float x, float y, float w, float h, float score) => new(x, y, x + w, y + h, score, cls);

    [Fact]
    public void Operating_point_counts_give_per_class_and_pooled_precision_recall_f1()
    {
        var metrics = NewAccumulator();
        metrics.Add(
            [Truth(Car, 0, 0, 10, 10), Truth(Car, 100, 100, 10, 10), Truth(Pedestrian, 50, 50, 20, 40)],
            [Det(Car, 0, 0, 10, 10, 0.9f), Det(Car, 300, 300, 10, 10, 0.8f), Det(Pedestrian, 50, 50, 20, 40, 0.7f)]);
        metrics.Add([], [Det(Car, 5, 5, 10, 10, 0.6f)]);

        var v = metrics.Complete("s", "clip", "model", "digest").Metrics;

        // car: TP 1, FP 2, FN 1; pedestrian: TP 1; pooled: TP 2, FP 2, FN 1.
        Assert.Equal(1.0 / 3, v["precision@0.5/car"], 12);
        Assert.Equal(0.5, v["recall@0.5/car"], 12);
        Assert.Equal(0.4, v["f1@0.5/car"], 12);
        Assert.Equal(1.0, v["precision@0.5/pedestrian"]);
        Assert.Equal(1.0, v["recall@0.5/pedestrian"]);
        Assert.Equal(1.0, v["f1@0.5/pedestrian"]);
        Assert.Equal(0.5, v["precision@0.5"], 12);
        Assert.Equal(2.0 / 3, v["recall@0.5"], 12);
        Assert.Equal(4.0 / 7, v["f1@0.5"], 12);
        Assert.Equal(1.0, v["fp_per_frame"]);
    }

    [Fact]
    public void Greedy_matching_by_score_takes_the_best_overlap_and_accepts_iou_of_exactly_one_half()
    {
        var metrics = NewAccumulator();

        // The 0.9 detection overlaps both truths, the right one better (IoU 2/3 vs 0); the 0.5 detection covers the left
        // truth and its own height again: IoU 100 / 200 = 0.5 exactly.
        metrics.Add(
            [Truth(Car, 0, 0, 10, 10), Truth(Car, 20, 0, 10, 10)],
            [Det(Car, 22, 0, 10, 10, 0.9f), Det(Car, 0, 0, 10, 20, 0.5f)]);

        var v = metrics.Complete("s", "clip", "model", "digest").Metrics;
        Assert.Equal(1.0, v["recall@0.5/car"]);
        Assert.Equal(1.0, v["precision@0.5/car"]);
    }

    [Fact]
    public void A_truth_is_matched_once_and_the_second_detection_is_a_false_positive()
    {
        var metrics = NewAccumulator();
        metrics.Add([Truth(Car, 0, 0, 10, 10)], [Det(Car, 0, 0, 10, 10, 0.5f), Det(Car, 0, 0, 10, 10, 0.9f)]);

        var v = metrics.Complete("s", "clip", "model", "digest").Metrics;
        Assert.Equal(0.5, v["precision@0.5/car"]);
        Assert.Equal(1.0, v["recall@0.5/car"]);
    }

    [Fact]
    public void Ignore_regions_swallow_detections_of_their_class_and_are_never_missed()
    {
        var metrics = NewAccumulator();
        metrics.Add(
            [Truth(Car, 0, 0, 100, 100, ignore: true), Truth(-1, 200, 0, 100, 100, ignore: true), Truth(Car, 400, 0, 10, 10)],
            [
                Det(Car, 10, 10, 20, 20, 0.9f),          // inside the car region: ignored
                Det(Pedestrian, 10, 10, 20, 20, 0.9f),   // inside a car-only region: false positive
                Det(Pedestrian, 210, 10, 20, 20, 0.8f),  // inside the class-agnostic region: ignored
                Det(Car, 90, 90, 20, 20, 0.7f),          // a quarter inside: false positive
                Det(Car, 400, 0, 10, 10, 0.6f),
            ]);

        var v = metrics.Complete("s", "clip", "model", "digest").Metrics;
        Assert.Equal(0.5, v["precision@0.5/car"]);
        Assert.Equal(1.0, v["recall@0.5/car"]);
        Assert.Equal(0.0, v["precision@0.5/pedestrian"]);
        Assert.False(v.ContainsKey("recall@0.5/pedestrian"));
        Assert.Equal(2.0, v["fp_per_frame"]);
    }

    [Fact]
    public void Recall_slices_by_range_size_occlusion_and_kitti_difficulty()
    {
        var metrics = NewAccumulator();
        metrics.Add(
            [
                Truth(Car, 0, 0, 20, 20, range: 10, occlusion: 0),        // near, small, visible, too short for KITTI
                Truth(Car, 100, 0, 50, 50, range: 40, occlusion: 0.3f),   // mid, medium, partial: moderate + hard (missed)
                Truth(Car, 200, 0, 100, 100, range: 60, occlusion: 0.7f), // far, large, heavy: hard
                Truth(Car, 400, 0, 30, 30, occlusion: 0.05f),             // no range, small, visible, 30 px: moderate + hard
            ],
            [Det(Car, 0, 0, 20, 20, 0.9f), Det(Car, 200, 0, 100, 100, 0.8f), Det(Car, 400, 0, 30, 30, 0.7f)]);

        var v = metrics.Complete("s", "clip", "model", "digest").Metrics;
        Assert.Equal(1.0, v["recall@0.5/car/range:0-30m"]);
        Assert.Equal(0.0, v["recall@0.5/car/range:30-50m"]);
        Assert.Equal(1.0, v["recall@0.5/car/range:50m+"]);
        Assert.Equal(1.0, v["recall@0.5/car/size:small"]);
        Assert.Equal(0.0, v["recall@0.5/car/size:medium"]);
        Assert.Equal(1.0, v["recall@0.5/car/size:large"]);
        Assert.Equal(1.0, v["recall@0.5/car/occlusion:none"]);
        Assert.Equal(0.0, v["recall@0.5/car/occlusion:partial"]);
        Assert.Equal(1.0, v["recall@0.5/car/occlusion:heavy"]);
        Assert.False(v.ContainsKey("recall@0.5/car/kitti:easy"));
        Assert.Equal(0.5, v["recall@0.5/car/kitti:moderate"]);
        Assert.Equal(2.0 / 3, v["recall@0.5/car/kitti:hard"], 12);
        Assert.DoesNotContain(v.Keys, k => k.StartsWith("recall@0.5/pedestrian/", StringComparison.Ordinal));
    }

    [Fact]
    public void Kitti_easy_needs_40_px_and_no_occlusion()
    {
        var metrics = NewAccumulator();
        metrics.Add([Truth(Car, 0, 0, 40, 40), Truth(Car, 100, 0, 40, 39.5f)], [Det(Car, 0, 0, 40, 40, 0.9f)]);

        var v = metrics.Complete("s", "clip", "model", "digest").Metrics;
        Assert.Equal(1.0, v["recall@0.5/car/kitti:easy"]);
        Assert.Equal(0.5, v["recall@0.5/car/kitti:moderate"]);
    }

    [Fact]
    public void Coco_metrics_cover_the_whole_clip_and_skip_undefined_values()
    {
        var metrics = NewAccumulator();
        metrics.Add([Truth(Car, 10, 10, 50, 50)], [Det(Car, 300, 300, 50, 50, 0.9f), Det(Car, 10, 10, 50, 50, 0.8f)]);
        metrics.Add([Truth(Car, 10, 10, 50, 50)], [Det(Car, 10, 10, 50, 50, 0.95f)]);

        var result = metrics.Complete("s", "clip", "model", "digest");
        var v = result.Metrics;

        // Merged by score: TP (0.95), FP (0.9), TP (0.8): recall [1/2, 1/2, 1], precision [1, 1/2, 2/3] -> envelope
        // [1, 2/3, 2/3]: 51 thresholds at 1 (recall <= 0.5), 50 at 2/3.
        var expected = ((51 * 1.0) + (50 * (2.0 / 3))) / 101;
        Assert.Equal(expected, v["coco/AP"], 9);
        Assert.Equal(expected, v["coco/AP50"], 9);
        Assert.Equal(expected, v["coco/AP/car"], 9);
        Assert.Equal(expected, v["coco/AP50/car"], 9);
        Assert.Equal(expected, v["coco/AP_medium"], 9);
        Assert.Equal(1.0, v["coco/AR100"], 12);
        Assert.False(v.ContainsKey("coco/AP_small"));
        Assert.False(v.ContainsKey("coco/AP/pedestrian"));
        Assert.Equal(["car"], result.PrecisionCurves.Keys);
        Assert.Equal(1.0, result.PrecisionCurves["car"].Precision[50], 12);
        Assert.Equal(2.0 / 3, result.PrecisionCurves["car"].Precision[51], 12);
    }

    [Fact]
    public void Coco_treats_ignore_truth_as_a_crowd_region()
    {
        var metrics = NewAccumulator();
        metrics.Add([Truth(Car, 10, 10, 50, 50), Truth(Car, 200, 200, 100, 100, ignore: true)],
            [Det(Car, 210, 210, 20, 20, 0.9f), Det(Car, 10, 10, 50, 50, 0.8f)]);

        Assert.Equal(1.0, metrics.Complete("s", "clip", "model", "digest").Metrics["coco/AP"], 12);
    }

    [Fact]
    public void Latency_percentiles_are_nearest_rank_after_warm_up()
    {
        var metrics = NewAccumulator(warmup: 2);
        metrics.AddLatency(Timings(500));
        metrics.AddLatency(Timings(400));
        for (var ms = 1; ms <= 10; ms++)
        {
            metrics.AddLatency(Timings(ms));
        }

        var v = metrics.Complete("s", "clip", "model", "digest").Metrics;
        Assert.Equal(5.0, v["latency/total/p50_ms"], 9);
        Assert.Equal(9.0, v["latency/total/p90_ms"], 9);
        Assert.Equal(10.0, v["latency/total/p99_ms"], 9);
        Assert.Equal(10.0, v["latency/p99_ms"], 9);
        Assert.Equal(0.5, v["latency/preprocess/p50_ms"], 9);
        Assert.Equal(2.5, v["latency/inference/p50_ms"], 9);
        Assert.Equal(0.9, v["latency/postprocess/p90_ms"], 9);
        Assert.Equal(10 / 0.055, v["throughput/fps"], 6);
    }

    [Fact]
    public void Without_latency_samples_no_latency_metric_is_reported()
    {
        var metrics = NewAccumulator(warmup: 3);
        metrics.AddLatency(Timings(5));

        Assert.DoesNotContain(metrics.Complete("s", "clip", "model", "digest").Metrics.Keys, k => k.StartsWith("latency/", StringComparison.Ordinal) || k.StartsWith("throughput/", StringComparison.Ordinal));
    }

    [Fact]
    public void Accepts_frames_and_counts_them()
    {
        var image = CameraImage.Packed(0, 0, PixelFormat.Rgb8, ReadOnlyMemory<byte>.Empty);
        var metrics = NewAccumulator();
        metrics.Add(new Frame(0, 0, image, [Truth(Car, 0, 0, 10, 10)]), [Det(Car, 0, 0, 10, 10, 0.9f)]);
        metrics.Add(new Frame(1, 100, image, []), []);

        var result = metrics.Complete("s", "clip", "model", "digest");
        Assert.Equal(2, result.Frames);
        Assert.Equal(0.0, result.Metrics["fp_per_frame"]);
        Assert.Equal(result.Metrics.Keys.Order(StringComparer.Ordinal), result.Metrics.Keys);
    }

    [Fact]
    public void Rejects_detection_class_outside_the_class_list()
    {
        var metrics = NewAccumulator();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => metrics.Add([], [Det(2, 0, 0, 1, 1, 0.5f)]));
        Assert.Contains("class id 2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("car/red")]
    [InlineData("car")]
    public void Rejects_class_names_unusable_in_metric_names(string second)
    {
        Assert.Throws<ArgumentException>(() => new MetricsAccumulator(new MetricsOptions(["car", second])));
    }

    private static StageTimings Timings(double totalMs) => new(
        TimeSpan.FromMilliseconds(totalMs / 10), TimeSpan.FromMilliseconds(totalMs / 2), TimeSpan.FromMilliseconds(totalMs / 10),
        TimeSpan.FromMilliseconds(totalMs));
}
