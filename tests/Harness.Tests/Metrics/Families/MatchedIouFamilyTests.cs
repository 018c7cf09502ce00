using Harness.Metrics;
using Harness.Metrics.Bootstrap;
using Harness.Metrics.Families.MatchedIou;
using Harness.TestKit;
using Harness.Tests.Testing;

namespace Harness.Tests.Metrics.Families;

/// <summary>
/// The worked example of docs/extending.md, on hand-computed IoUs: the mean over the operating point's matches,
/// pooled and per class, absent where nothing matched; and the gate's machinery (name check, bootstrap, direction and
/// range) takes it up from its registration alone.
/// </summary>
[ReferenceTestOf(typeof(MatchedIouFamily))]
public sealed class MatchedIouFamilyTests
{
    private static readonly string[] Classes = ["car", "pedestrian", "cyclist"];

    [Fact]
    public void Is_the_mean_iou_of_the_matches_pooled_and_per_class_and_absent_for_a_class_without_matches()
    {
        TruthBox[][] truth =
        [
            [new(0, 0, 0, 10, 10), new(1, 20, 20, 10, 10), new(2, 50, 50, 10, 10)],
            [new(0, 0, 0, 10, 10)],
        ];
        Detection[][] detections =
        [
            [
                new(0, 0, 10, 8, 0.9f, 0),      // car, IoU 80/100
                new(20, 20, 30, 30, 0.8f, 1),   // pedestrian, IoU 1
                new(50, 50, 54, 60, 0.7f, 2),   // cyclist, IoU 0.4: a miss and a false positive, no match
                new(70, 70, 80, 80, 0.6f, 0),   // false positive on empty road
            ],
            [new(1, 0, 11, 10, 0.9f, 0)],       // car, IoU 90/110
        ];

        var metrics = FamilyMetrics.Of(Classes, truth, detections);

        Assert.Equal((0.8 + 1 + (90.0 / 110)) / 3, metrics["matched_iou"], 6);
        Assert.Equal((0.8 + (90.0 / 110)) / 2, metrics["matched_iou/car"], 6);
        Assert.Equal(1, metrics["matched_iou/pedestrian"]);
        Assert.False(metrics.ContainsKey("matched_iou/cyclist"));
    }

    [Fact]
    public void A_run_without_matches_leaves_it_undefined()
    {
        var metrics = FamilyMetrics.Of(Classes, [[new(0, 0, 0, 10, 10)]], [[new(40, 40, 50, 50, 0.9f, 0)]]);

        Assert.DoesNotContain(metrics.Keys, k => k.StartsWith("matched_iou", StringComparison.Ordinal));
    }

    [Fact]
    public void A_match_at_exactly_one_half_counts_and_ious_are_summed_in_millionths()
    {
        // A 10 x 5 detection inside a 10 x 10 truth: IoU 50 / 100 = 0.5 exactly, the matcher's threshold.
        var metrics = FamilyMetrics.Of(Classes, [[new(0, 0, 0, 10, 10)]], [[new(0, 0, 10, 5, 0.9f, 0)]]);

        Assert.Equal(0.5, metrics["matched_iou/car"]);
        Assert.Equal(1L << 19, MatchedIouFamily.Quantize(0.5));
        Assert.Equal(1L << 20, MatchedIouFamily.Quantize(1));
        Assert.Equal(3, MatchedIouFamily.Quantize(3.4 / (1 << 20)));
        Assert.True(double.IsNaN(MatchedIouFamily.Mean(0, 0)));
    }

    [Fact]
    public void Looser_boxes_that_find_every_object_move_it_and_not_recall_with_an_interval_below_zero()
    {
        const int Frames = 60;
        var truth = new List<IReadOnlyList<TruthBox>>();
        var baseline = new List<IReadOnlyList<Detection>>();
        var current = new List<IReadOnlyList<Detection>>();
        for (var f = 0; f < Frames; f++)
        {
            truth.Add([new TruthBox(0, 10, 10, 40, 40)]);
            baseline.Add([new Detection(10, 10, 50, 50 - (f % 3), 0.9f, 0)]);
            current.Add([new Detection(10, 10, 50, 44 - (f % 3), 0.9f, 0)]);
        }

        var timestamps = Enumerable.Range(0, Frames).Select(f => f * 100_000_000L).ToList();
        var intervals = PairedBootstrap.Run(Classes, truth, timestamps, baseline, current,
            new BootstrapOptions(Resamples: 200, Seed: 5, BlockSeconds: 0.2, Units: ResamplingUnit.Frames));

        var iou = intervals["matched_iou/car"];
        Assert.True(iou.High < 0, $"{iou.Low} .. {iou.High}");
        Assert.Equal(Frames, iou.Support);
        Assert.Equal(intervals["recall@0.5/car"].Baseline, intervals["recall@0.5/car"].Current);
        Assert.Null(MetricNameCheck.Problem("matched_iou/car", Classes));
        Assert.Contains("unknown class 'truck'", MetricNameCheck.Problem("matched_iou/truck", Classes), StringComparison.Ordinal);
        Assert.Contains("does not have the form matched_iou, matched_iou/<class>", MetricNameCheck.Problem("matched_iou/car/near", Classes), StringComparison.Ordinal);
        Assert.True(MetricNames.HigherIsBetter("matched_iou"));
        Assert.Equal((0.5, 1.0), MetricNames.Range("matched_iou/car"));
    }
}
