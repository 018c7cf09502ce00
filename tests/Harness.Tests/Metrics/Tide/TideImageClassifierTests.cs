using Harness.Metrics.Coco;
using Harness.Metrics.Tide;

namespace Harness.Tests.Metrics.Tide;

/// <summary>
/// Each of TIDE's error types and each of its boundaries on hand-made boxes. Truth boxes are 10 x 10 at the origin
/// unless said otherwise, so a detection [0, 0, 10, h] inside one has IoU 10h / 100 = h / 10.
/// </summary>
public sealed class TideImageClassifierTests
{
    private const int Car = 0;
    private const int Pedestrian = 1;

    private static readonly TideDetectionVerdict TruePositive = TideDetectionVerdict.TruePositive;

    private static TideTruth Truth(int classId, double x = 0, double y = 0, double width = 10, double height = 10) =>
        new(classId, TruthBoxGeometry.FromXywh(x, y, width, height, isCrowd: false));

    private static TideTruth Region(int classId, double x, double y, double width, double height) =>
        new(classId, TruthBoxGeometry.FromXywh(x, y, width, height, isCrowd: true));

    private static TideDetection Box(int classId, double x1, double y1, double x2, double y2, double score = 0.9) =>
        TideDetection.FromCorners(classId, x1, y1, x2, y2, score);

    private static TideDetectionVerdict False(TideError error, int fixedClass = -1) => new(DetectionOutcome.FalsePositive, error, fixedClass);

    private static (TideDetectionVerdict[] Verdicts, TideTruthOutcome[] Truth) Classify(TideTruth[] truth, params TideDetection[] detections)
    {
        var verdicts = new TideDetectionVerdict[detections.Length];
        var outcomes = new TideTruthOutcome[truth.Length];
        new TideImageClassifier(classCount: 3).Classify(truth, detections, verdicts, outcomes);
        return (verdicts, outcomes);
    }

    /// <summary>The IoU the classifier computes, to show a case sits where it says it does.</summary>
    private static double Iou(TideDetection d, TideTruth t) =>
        BoxOverlap.Iou(d.X1, d.Y1, d.X2, d.Y2, d.Area, t.Box.X1, t.Box.Y1, t.Box.X2, t.Box.Y2, t.Box.BoxArea);

    [Fact]
    public void Classification_a_box_on_a_truth_of_another_class_is_fixed_into_that_class()
    {
        var (verdicts, truth) = Classify([Truth(Car)], Box(Pedestrian, 0, 0, 10, 10));

        Assert.Equal(False(TideError.Classification, fixedClass: Car), verdicts[0]);
        Assert.Equal(TideTruthOutcome.Claimed, truth[0]);
    }

    [Fact]
    public void Localisation_a_box_of_the_right_class_at_iou_0_3_is_fixed_in_its_own_class()
    {
        var (verdicts, truth) = Classify([Truth(Car)], Box(Car, 0, 0, 10, 3));

        Assert.Equal(False(TideError.Localisation, fixedClass: Car), verdicts[0]);
        Assert.Equal(TideTruthOutcome.Claimed, truth[0]);
    }

    [Fact]
    public void Both_a_wrong_class_at_iou_0_3_is_removed_and_its_truth_is_missed()
    {
        var (verdicts, truth) = Classify([Truth(Car)], Box(Pedestrian, 0, 0, 10, 3));

        Assert.Equal(False(TideError.Both), verdicts[0]);
        Assert.Equal(TideTruthOutcome.Missed, truth[0]);
    }

    [Fact]
    public void Duplicate_a_second_box_on_a_taken_truth()
    {
        var (verdicts, truth) = Classify([Truth(Car)], Box(Car, 0, 0, 10, 10, 0.9), Box(Car, 0, 0, 10, 8, 0.8));

        Assert.Equal([TruePositive, False(TideError.Duplicate)], verdicts);
        Assert.Equal(TideTruthOutcome.Matched, truth[0]);
    }

    [Fact]
    public void Background_a_box_far_from_every_truth_and_every_box_of_an_image_without_truth()
    {
        var (verdicts, truth) = Classify([Truth(Car)], Box(Car, 50, 50, 60, 60));
        var (empty, _) = Classify([], Box(Car, 0, 0, 10, 10), Box(Pedestrian, 0, 0, 10, 10));

        Assert.Equal(False(TideError.Background), verdicts[0]);
        Assert.Equal(TideTruthOutcome.Missed, truth[0]);
        Assert.Equal([False(TideError.Background), False(TideError.Background)], empty);
    }

    [Fact]
    public void Missed_a_truth_without_any_detection_or_with_only_removable_ones()
    {
        var (_, alone) = Classify([Truth(Car), Truth(Pedestrian, 20, 0)]);
        var (_, dupeOnly) = Classify([Truth(Car), Truth(Car, 20, 0)], Box(Car, 0, 0, 10, 10, 0.9), Box(Car, 0, 0, 10, 9, 0.8));

        Assert.Equal([TideTruthOutcome.Missed, TideTruthOutcome.Missed], alone);
        Assert.Equal([TideTruthOutcome.Matched, TideTruthOutcome.Missed], dupeOnly);
    }

    [Fact]
    public void Equal_scores_keep_the_order_given_for_matching_and_for_claiming()
    {
        TideTruth[] truth = [Truth(Car)];
        var exact = Box(Car, 0, 0, 10, 10, 0.5);
        var inside = Box(Car, 0, 0, 10, 8, 0.5);

        // The first given takes the truth, even when the second fits it better.
        Assert.Equal([TruePositive, False(TideError.Duplicate)], Classify(truth, exact, inside).Verdicts);
        Assert.Equal([TruePositive, False(TideError.Duplicate)], Classify(truth, inside, exact).Verdicts);

        // Two localisation errors of equal score on one truth: the first given claims it, the other is removed when fixed.
        Assert.Equal([False(TideError.Localisation, Car), False(TideError.Localisation)],
            Classify(truth, Box(Car, 0, 0, 10, 3, 0.5), Box(Car, 0, 0, 10, 2, 0.5)).Verdicts);

        // A higher score claims first whatever the order given.
        Assert.Equal([False(TideError.Localisation), False(TideError.Localisation, Car)],
            Classify(truth, Box(Car, 0, 0, 10, 3, 0.4), Box(Car, 0, 0, 10, 2, 0.6)).Verdicts);
    }

    [Fact]
    public void Equal_iou_with_two_truths_takes_the_first_so_a_later_box_can_take_the_second()
    {
        // Truths [0, 10] and [5, 15] (x); the box [2.5, 12.5] overlaps each by 7.5 x 10: IoU 75 / 125 = 0.6 with both.
        TideTruth[] truth = [Truth(Car), Truth(Car, 5, 0)];
        var between = Box(Car, 2.5, 0, 12.5, 10, 0.9);
        Assert.Equal(Iou(between, truth[0]), Iou(between, truth[1]));

        var (verdicts, outcomes) = Classify(truth, between, Box(Car, 5, 0, 15, 10, 0.8));

        Assert.Equal([TruePositive, TruePositive], verdicts);
        Assert.Equal([TideTruthOutcome.Matched, TideTruthOutcome.Matched], outcomes);
    }

    [Fact]
    public void Own_class_iou_exactly_0_5_matches_an_untaken_truth_and_one_step_below_is_localisation()
    {
        TideTruth[] truth = [Truth(Car)];
        var half = Box(Car, 0, 0, 10, 5);
        var below = Box(Car, 0, 0, 10, Math.BitDecrement(5.0));
        Assert.Equal(0.5, Iou(half, truth[0]));
        Assert.True(Iou(below, truth[0]) < 0.5);

        Assert.Equal(TruePositive, Classify(truth, half).Verdicts[0]);
        Assert.Equal(False(TideError.Localisation, Car), Classify(truth, below).Verdicts[0]);
    }

    [Fact]
    public void Own_class_iou_exactly_0_5_with_a_taken_truth_is_localisation_inclusive_and_one_step_above_is_duplicate()
    {
        // TIDE's box test is bg <= IoU <= fg, before the duplicate test; the taken truth cannot be claimed.
        TideTruth[] truth = [Truth(Car)];
        var taker = Box(Car, 0, 0, 10, 10, 0.9);
        var half = Box(Car, 0, 0, 10, 5, 0.8);
        var above = Box(Car, 0, 0, 10, Math.BitIncrement(5.0), 0.8);
        Assert.True(Iou(above, truth[0]) > 0.5);

        Assert.Equal(False(TideError.Localisation), Classify(truth, taker, half).Verdicts[1]);
        Assert.Equal(False(TideError.Duplicate), Classify(truth, taker, above).Verdicts[1]);
    }

    [Fact]
    public void Own_class_iou_exactly_0_1_is_localisation_and_one_step_below_is_background()
    {
        TideTruth[] truth = [Truth(Car)];
        var tenth = Box(Car, 0, 0, 10, 1);
        var above = Box(Car, 0, 0, 10, Math.BitIncrement(1.0));
        var below = Box(Car, 0, 0, 10, Math.BitDecrement(1.0));
        Assert.Equal(0.1, Iou(tenth, truth[0]));
        Assert.True(Iou(above, truth[0]) > 0.1);
        Assert.True(Iou(below, truth[0]) < 0.1);

        Assert.Equal(False(TideError.Localisation, Car), Classify(truth, tenth).Verdicts[0]);
        Assert.Equal(False(TideError.Localisation, Car), Classify(truth, above).Verdicts[0]);
        Assert.Equal(False(TideError.Background), Classify(truth, below).Verdicts[0]);
    }

    [Fact]
    public void Other_class_iou_exactly_0_1_is_background_inclusive_and_one_step_above_is_both()
    {
        TideTruth[] truth = [Truth(Car)];
        var above = Box(Pedestrian, 0, 0, 10, Math.BitIncrement(1.0));
        Assert.True(Iou(above, truth[0]) > 0.1);

        Assert.Equal(False(TideError.Background), Classify(truth, Box(Pedestrian, 0, 0, 10, 1)).Verdicts[0]);
        Assert.Equal(False(TideError.Both), Classify(truth, above).Verdicts[0]);
    }

    [Fact]
    public void Other_class_iou_exactly_0_5_is_classification_and_one_step_below_is_both()
    {
        TideTruth[] truth = [Truth(Car)];

        Assert.Equal(False(TideError.Classification, Car), Classify(truth, Box(Pedestrian, 0, 0, 10, 5)).Verdicts[0]);
        Assert.Equal(False(TideError.Both), Classify(truth, Box(Pedestrian, 0, 0, 10, Math.BitDecrement(5.0))).Verdicts[0]);
    }

    [Fact]
    public void Localisation_is_tested_before_classification()
    {
        // IoU 0.3 with a car and 1 with a pedestrian: TIDE calls the car box mislocalised, not misclassified.
        var (verdicts, truth) = Classify([Truth(Car), Truth(Pedestrian, 0, 0, 10, 3)], Box(Car, 0, 0, 10, 3));

        Assert.Equal(False(TideError.Localisation, Car), verdicts[0]);
        Assert.Equal([TideTruthOutcome.Claimed, TideTruthOutcome.Missed], truth);
    }

    [Fact]
    public void Classification_on_a_taken_truth_is_removed_when_fixed()
    {
        var (verdicts, _) = Classify([Truth(Car)], Box(Car, 0, 0, 10, 10, 0.9), Box(Pedestrian, 0, 0, 10, 10, 0.8));

        Assert.Equal([TruePositive, False(TideError.Classification)], verdicts);
    }

    [Fact]
    public void A_box_at_least_half_inside_an_ignore_region_is_ignored_and_one_step_less_is_background()
    {
        // Region [0, 0, 10, 10]; the box [5, 0, 15, 10] has half of its area inside, [5 - step, 0, 15, 10] a little less.
        TideTruth[] truth = [Region(-1, 0, 0, 10, 10)];

        Assert.Equal(TideDetectionVerdict.Ignored, Classify(truth, Box(Pedestrian, 5, 0, 15, 10)).Verdicts[0]);
        Assert.Equal(False(TideError.Background), Classify(truth, Box(Pedestrian, Math.BitIncrement(5.0), 0, 15, 10)).Verdicts[0]);
        Assert.Equal(False(TideError.Background), Classify([Region(Car, 0, 0, 10, 10)], Box(Pedestrian, 0, 0, 10, 10)).Verdicts[0]);
    }

    [Fact]
    public void An_ignored_box_keeps_only_a_localisation_or_classification_error_that_claims_a_truth()
    {
        // A car region covers both boxes; the car truth [0, 7, 10, 17] overlaps the first at IoU 30 / 170 (TIDE 1.0.1
        // lets ignored boxes fix errors); the second would be background, whose fix removes a box that does not count.
        TideTruth[] truth = [Region(Car, 0, 0, 20, 10), Truth(Car, 0, 7)];
        var (verdicts, outcomes) = Classify(truth, Box(Car, 0, 0, 10, 10), Box(Car, 12, 0, 18, 5));

        Assert.Equal([new TideDetectionVerdict(DetectionOutcome.Ignored, TideError.Localisation, Car), TideDetectionVerdict.Ignored], verdicts);
        Assert.Equal([TideTruthOutcome.Unscored, TideTruthOutcome.Claimed], outcomes);
    }

    [Fact]
    public void Only_the_top_100_boxes_of_a_class_count_in_an_image()
    {
        var boxes = Enumerable.Range(0, 101).Select(i => Box(Car, 50, 50, 60, 60, 1 - (i / 1000.0))).Append(Box(Pedestrian, 50, 50, 60, 60, 0)).ToArray();

        var (verdicts, _) = Classify([Truth(Car)], boxes);

        Assert.All(verdicts[..100], v => Assert.Equal(False(TideError.Background), v));
        Assert.Equal(TideDetectionVerdict.Ignored, verdicts[100]);
        Assert.Equal(False(TideError.Background), verdicts[101]);
    }

    [Fact]
    public void A_whole_image_with_every_error_type()
    {
        // Cars A [0, 10], B [20, 30], C [60, 70] and pedestrian P [40, 50] (x; all y 0-10), in score order:
        TideTruth[] truth = [Truth(Car), Truth(Car, 20, 0), Truth(Pedestrian, 40, 0), Truth(Car, 60, 0)];
        TideDetection[] detections =
        [
            Box(Car, 100, 100, 110, 110, 0.5),  // nothing near: background
            Box(Car, 0, 0, 10, 10, 0.9),        // takes A
            Box(Car, 20, 0, 30, 3, 0.8),        // B at IoU 0.3: localisation, claims B
            Box(Car, 0, 0, 10, 8, 0.7),         // A again at IoU 0.8: duplicate
            Box(Car, 40, 0, 50, 10, 0.6),       // on P, wrong class: classification, claims P
            Box(Pedestrian, 60, 0, 70, 3, 0.4), // C at IoU 0.3, wrong class: both; C is missed
            Box(Car, 20, 0, 30, 2, 0.3),        // B again at IoU 0.2: localisation, B already claimed
        ];

        var (verdicts, outcomes) = Classify(truth, detections);

        Assert.Equal(
            [
                False(TideError.Background), TruePositive, False(TideError.Localisation, Car), False(TideError.Duplicate),
                False(TideError.Classification, Pedestrian), False(TideError.Both), False(TideError.Localisation),
            ],
            verdicts);
        Assert.Equal([TideTruthOutcome.Matched, TideTruthOutcome.Claimed, TideTruthOutcome.Claimed, TideTruthOutcome.Missed], outcomes);
    }
}
