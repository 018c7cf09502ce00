using Harness.Metrics;
using Harness.Metrics.Coco;
using Harness.Metrics.Families;
using Harness.Tests.Testing;

namespace Harness.Tests.Metrics;

[ReferenceTestOf(typeof(OperatingPointFamily))]
[ReferenceTestOf(typeof(RecallSlicesFamily))]
public sealed class OperatingPointMatcherTests
{
    private static readonly string[] Classes = ["car", "pedestrian", "cyclist"];

    [Fact]
    public void Classifies_matched_duplicate_wrong_class_and_ignored_detections()
    {
        TruthBox[] truth =
        [
            new(0, 0, 0, 10, 10),
            new(0, 50, 50, 10, 10),
            new(-1, 100, 0, 20, 20, Ignore: true),
        ];
        Detection[] detections =
        [
            new(0, 0, 10, 10, 0.9f, 0),
            new(1, 0, 11, 10, 0.8f, 0),
            new(102, 2, 112, 12, 0.7f, 0),
            new(0, 0, 10, 10, 0.95f, 1),
        ];
        var matcher = new OperatingPointMatcher();

        var errors = matcher.Match(truth, detections);

        Assert.Equal(
            [DetectionMatch.Matched, DetectionMatch.FalsePositive, DetectionMatch.Ignored, DetectionMatch.FalsePositive],
            matcher.Matches.ToArray());
        Assert.Equal([0, -1, -1], matcher.MatchedBy.ToArray());
        Assert.Equal(new FrameErrors(FalsePositives: 2, Misses: 1), errors);
    }

    [Fact]
    public void Lets_the_higher_score_take_the_truth_even_with_lower_iou()
    {
        TruthBox[] truth = [new(0, 0, 0, 10, 10)];
        Detection[] detections =
        [
            new(0, 0, 10, 8, 0.6f, 0),
            new(0, 0, 10, 6, 0.9f, 0),
        ];
        var matcher = new OperatingPointMatcher();

        matcher.Match(truth, detections);

        Assert.Equal([DetectionMatch.FalsePositive, DetectionMatch.Matched], matcher.Matches.ToArray());
        Assert.Equal([1], matcher.MatchedBy.ToArray());
    }

    [Theory]
    [InlineData(20f, DetectionMatch.Matched)] // IoU exactly 0.5 (100 / 200) matches
    [InlineData(20.25f, DetectionMatch.FalsePositive)] // just below 0.5
    public void Iou_of_exactly_one_half_matches_and_just_below_does_not(float bottom, DetectionMatch expected)
    {
        TruthBox[] truth = [new(0, 0, 0, 10, 10)];
        Detection[] detections = [new(0, 0, 10, bottom, 0.9f, 0)];
        var matcher = new OperatingPointMatcher();

        matcher.Match(truth, detections);

        Assert.Equal(expected, matcher.Matches[0]);
    }

    [Fact]
    public void Of_two_truths_at_equal_iou_the_first_is_taken()
    {
        // The detection overlaps both truths by the same area.
        TruthBox[] truth = [new(0, 0, 0, 10, 10), new(0, 0, 5, 10, 10)];
        Detection[] detections = [new(0, 2.5f, 10, 12.5f, 0.9f, 0)];
        var matcher = new OperatingPointMatcher();

        matcher.Match(truth, detections);

        Assert.Equal([0, -1], matcher.MatchedBy.ToArray());
    }

    [Fact]
    public void On_equal_scores_the_earlier_detection_takes_the_truth()
    {
        TruthBox[] truth = [new(0, 0, 0, 10, 10)];
        Detection[] detections = [new(0, 0, 10, 8, 0.7f, 0), new(0, 0, 10, 10, 0.7f, 0)];
        var matcher = new OperatingPointMatcher();

        matcher.Match(truth, detections);

        Assert.Equal([0], matcher.MatchedBy.ToArray());
    }

    [Fact]
    public void A_detection_half_inside_an_ignore_region_of_another_class_is_a_false_positive()
    {
        TruthBox[] truth = [new(1, 0, 0, 20, 20, Ignore: true)];
        Detection[] detections = [new(0, 0, 10, 10, 0.9f, 0), new(0, 0, 10, 10, 0.9f, 1)];
        var matcher = new OperatingPointMatcher();

        var errors = matcher.Match(truth, detections);

        Assert.Equal([DetectionMatch.FalsePositive, DetectionMatch.Ignored], matcher.Matches.ToArray());
        Assert.Equal(new FrameErrors(FalsePositives: 1, Misses: 0), errors);
    }

    [Fact]
    public void Operating_point_metrics_equal_a_scalar_per_class_recount_on_random_frames()
    {
        var random = new Random(11);
        var options = new MetricsOptions(Classes);
        FamilyAccumulator[] accumulators = [new OperatingPointFamily().CreateAccumulator(options), new RecallSlicesFamily().CreateAccumulator(options)];
        var expected = new ScalarRecount(Classes.Length);
        for (var frame = 0; frame < 300; frame++)
        {
            var truth = RandomFrames.Truth(random, Classes.Length);
            var detections = RandomFrames.Detections(random, truth, Classes.Length);

            foreach (var accumulator in accumulators)
            {
                accumulator.Add(truth, detections);
            }

            expected.Add(truth, detections);
        }

        var values = new Dictionary<string, double>();
        foreach (var accumulator in accumulators)
        {
            accumulator.Write(values, new Dictionary<string, CocoPrecisionCurve>());
        }

        Assert.Equal(expected.Values(Classes), values);
    }

    [Fact]
    public void Counts_the_same_errors_per_frame_as_a_scalar_recount()
    {
        var random = new Random(5);
        var matcher = new OperatingPointMatcher();
        for (var frame = 0; frame < 300; frame++)
        {
            var truth = RandomFrames.Truth(random, Classes.Length);
            var detections = RandomFrames.Detections(random, truth, Classes.Length);
            var expected = new ScalarRecount(Classes.Length);
            expected.Add(truth, detections);

            var errors = matcher.Match(truth, detections);

            Assert.Equal((expected.FalsePositives, expected.Misses), (errors.FalsePositives, errors.Misses));
        }
    }

    [Fact]
    public void Allocates_nothing_per_frame_once_its_buffers_have_grown()
    {
        TruthBox[] truth = [new(0, 0, 0, 10, 10), new(1, 50, 50, 20, 40), new(-1, 200, 200, 100, 100, Ignore: true)];
        Detection[] detections = [new(0, 0, 10, 10, 0.9f, 0), new(210, 210, 220, 220, 0.8f, 0), new(50, 50, 70, 90, 0.7f, 1), new(400, 400, 410, 410, 0.6f, 2)];
        var matcher = new OperatingPointMatcher();
        for (var i = 0; i < 100; i++)
        {
            matcher.Match(truth, detections);
        }

        const int Frames = 5000;
        var allocated = SteadyAllocation.Of(() =>
        {
            for (var i = 0; i < Frames; i++)
            {
                matcher.Match(truth, detections);
            }
        });

        // Any per-frame object (24 bytes at least) would exceed this bound many times over.
        Assert.InRange(allocated, 0, Frames);
    }
}
