using Harness.Metrics;

namespace Harness.Tests.Metrics;

public sealed class UndefinedMetricTests
{
    [Theory]
    [InlineData("coco/AP", "no truth objects in the clip")]
    [InlineData("coco/AR100", "no truth objects in the clip")]
    [InlineData("coco/AP_small", "no small (under 32 x 32 px) truth objects in the clip")]
    [InlineData("coco/AR_large", "no large (over 96 x 96 px) truth objects in the clip")]
    [InlineData("coco/AP50/cyclist", "no truth objects of cyclist in the clip")]
    [InlineData("precision@0.5", "no detections")]
    [InlineData("precision@0.5/car", "no detections of car")]
    [InlineData("recall@0.5", "no truth objects in the clip")]
    [InlineData("recall@0.5/pedestrian", "no truth objects of pedestrian in the clip")]
    [InlineData("recall@0.5/pedestrian/range:0-30m", "no truth objects of pedestrian in range:0-30m")]
    [InlineData("f1@0.5", "no truth objects and no detections")]
    [InlineData("f1@0.5/car", "no truth objects of car and no detections of it")]
    [InlineData("fp_per_frame", "no frames")]
    [InlineData("tide/miss", "no truth objects in the clip")]
    [InlineData("tide/loc/car", "no truth objects of car in the clip")]
    public void Every_family_says_what_its_ratio_lacks(string metric, string reason)
    {
        Assert.Equal(reason, UndefinedMetric.Reason(metric));
    }

    [Theory]
    [InlineData("latency/p99_ms")]
    [InlineData("throughput/fps")]
    [InlineData("somethingelse")]
    public void Names_outside_the_undefinable_families_have_no_reason(string metric)
    {
        Assert.Null(UndefinedMetric.Reason(metric));
    }
}
