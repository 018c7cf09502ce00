using Harness.Metrics;

namespace Harness.Tests.Metrics;

public sealed class MetricNameCheckTests
{
    private static readonly string[] Classes = ["car", "pedestrian"];

    [Fact]
    public void Known_names_are_exactly_the_names_a_run_that_defines_every_metric_writes()
    {
        var metrics = RunDefiningEveryMetric();

        Assert.Equal(
            metrics.Metrics.Keys.Order(StringComparer.Ordinal),
            MetricNameCheck.KnownNames(Classes).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_written_name_passes_the_check_with_and_without_the_class_list()
    {
        var names = RunDefiningEveryMetric().Metrics.Keys;

        Assert.All(names, name => Assert.Null(MetricNameCheck.Problem(name, Classes)));
        Assert.All(names, name => Assert.Null(MetricNameCheck.Problem(name, null)));
    }

    [Theory]
    [InlineData("coco/AP/bus", "unknown class 'bus'")]
    [InlineData("recall@0.5/bus/size:small", "unknown class 'bus'")]
    [InlineData("coco/AP/pedestrian/", "does not have the form")]
    [InlineData("", "unknown metric family ''")]
    [InlineData("coco/", "unknown COCO statistic ''")]
    [InlineData("latency/total/p99", "unknown latency percentile 'p99'")]
    public void Names_a_run_never_writes_are_rejected(string metric, string expected)
    {
        Assert.Contains(expected, MetricNameCheck.Problem(metric, Classes), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_class_list_only_the_shape_is_checked()
    {
        Assert.Null(MetricNameCheck.Problem("coco/AP50/bus", null));
        Assert.NotNull(MetricNameCheck.Problem("coco/AP75/bus", null));
    }

    /// <summary>
    /// Five frames whose truth falls in every slice (every range, size, occlusion band and KITTI difficulty) of
    /// every class, each found, plus one false positive, with latency past the warm-up and a streaming target that
    /// shows each frame the one before: nothing is left undefined.
    /// </summary>
    private static ScenarioResult RunDefiningEveryMetric()
    {
        var accumulator = new MetricsAccumulator(new MetricsOptions(Classes, Streaming: new StreamingProfile(50_000_000)));
        for (var frame = 0; frame < 5; frame++)
        {
            var truth = new List<TruthBox>();
            for (var c = 0; c < Classes.Length; c++)
            {
                var x = c * 300f;
                // Track ids, for the stability metrics, which need a track seen in consecutive frames.
                truth.Add(new TruthBox(c, x, 0, 10, 10, TrackId: (c * 4) + 0, Occlusion: 0f, RangeMeters: 10f));
                truth.Add(new TruthBox(c, x, 20, 50, 50, TrackId: (c * 4) + 1, Occlusion: 0f, RangeMeters: 10f));
                truth.Add(new TruthBox(c, x, 80, 50, 50, TrackId: (c * 4) + 2, Occlusion: 0.3f, RangeMeters: 40f));
                truth.Add(new TruthBox(c, x, 140, 120, 120, TrackId: (c * 4) + 3, Occlusion: 0.7f, RangeMeters: 60f));
            }

            var detections = truth.Select(t => new Detection(t.X, t.Y, t.X + t.Width, t.Y + t.Height, 0.9f, t.ClassId)).ToList();
            detections.Add(new Detection(900, 900, 920, 920, 0.5f, 0));
            accumulator.Add(frame * 100_000_000L, truth, detections);
            var step = TimeSpan.FromMilliseconds(1 + frame);
            accumulator.AddLatency(new StageTimings(step, step, step, step * 3));
        }

        return accumulator.Complete("s", "clip", "model", "digest");
    }
}
