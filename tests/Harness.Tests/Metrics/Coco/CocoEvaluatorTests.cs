using Harness.Metrics.Coco;

namespace Harness.Tests.Metrics.Coco;

/// <summary>Small cases whose COCO numbers follow by hand from the pycocotools rules.</summary>
public sealed class CocoEvaluatorTests
{
    private static readonly CocoCategory[] OneCategory = [new(1, "car")];

    private static CocoAnnotation Truth(double x, double y, double w, double h, long image = 1, bool crowd = false, double? area = null) =>
        new(image, 1, x, y, w, h, area ?? (w * h), crowd);

    private static CocoDetection Det(double x, double y, double w, double h, double score, long image = 1, int category = 1) =>
        new(image, category, x, y, w, h, score);

    private static CocoEvaluationResult Evaluate(CocoAnnotation[] truths, CocoDetection[] detections, long[]? images = null, CocoCategory[]? categories = null) =>
        CocoEvaluator.Evaluate(new CocoGroundTruth(images ?? [1], categories ?? OneCategory, truths), detections);

    [Fact]
    public void Perfect_detection_scores_one_everywhere_it_is_defined()
    {
        var result = Evaluate([Truth(10, 10, 50, 50)], [Det(10, 10, 50, 50, 0.9)]);

        var s = result.Stats;
        // Precision is tp / (tp + fp + eps), so "one" is 1 - 2^-53, as in pycocotools.
        double[] expected = [1, 1, 1, -1, 1, -1, 1, 1, 1, -1, 1, -1];
        double[] actual = [s.AP, s.AP50, s.AP75, s.APSmall, s.APMedium, s.APLarge, s.AR1, s.AR10, s.AR100, s.ARSmall, s.ARMedium, s.ARLarge];
        Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First, pair.Second, 12));
        Assert.Equal(1.0, result.PerCategoryAP[1], 12);
        Assert.All(result.PrecisionCurves[1].Precision, p => Assert.Equal(1.0, p, 12));
    }

    [Fact]
    public void False_positive_ranked_above_the_true_positive_halves_precision_at_every_recall()
    {
        var result = Evaluate([Truth(10, 10, 50, 50)], [Det(200, 200, 50, 50, 0.9), Det(10, 10, 50, 50, 0.8)]);

        // Curve: recall [0, 1], precision [0, 1/2] -> envelope 1/2 at every threshold (1/(2+eps) exactly).
        Assert.Equal(0.5, result.Stats.AP, 12);
        Assert.Equal(0.5, result.Stats.AP50, 12);
        Assert.Equal(0.0, result.Stats.AR1);
        Assert.Equal(1.0, result.Stats.AR10, 12);
        Assert.All(result.PrecisionCurves[1].Precision, p => Assert.Equal(0.5, p, 12));
    }

    [Fact]
    public void True_positive_ranked_first_keeps_AP_one_despite_a_later_false_positive()
    {
        var result = Evaluate([Truth(10, 10, 50, 50)], [Det(200, 200, 50, 50, 0.5), Det(10, 10, 50, 50, 0.8)]);

        Assert.Equal(1.0, result.Stats.AP, 12);
    }

    [Fact]
    public void Equal_scores_keep_input_order_like_a_stable_mergesort()
    {
        var falseFirst = Evaluate([Truth(10, 10, 50, 50)], [Det(200, 200, 50, 50, 0.7), Det(10, 10, 50, 50, 0.7)]);
        var trueFirst = Evaluate([Truth(10, 10, 50, 50)], [Det(10, 10, 50, 50, 0.7), Det(200, 200, 50, 50, 0.7)]);

        Assert.Equal(0.5, falseFirst.Stats.AP, 12);
        Assert.Equal(1.0, trueFirst.Stats.AP, 12);
    }

    [Fact]
    public void Crowd_region_swallows_detections_inside_it()
    {
        // The 20x20 detections lie inside the 100x100 crowd region: crowd IoU = intersection / detection area = 1.
        CocoAnnotation[] truths = [Truth(10, 10, 50, 50), Truth(300, 300, 100, 100, crowd: true)];
        CocoDetection[] detections = [Det(310, 310, 20, 20, 0.95), Det(350, 350, 20, 20, 0.9), Det(10, 10, 50, 50, 0.8)];

        var crowd = Evaluate(truths, detections);
        var regular = Evaluate([truths[0], truths[1] with { IsCrowd = false }], detections);

        Assert.Equal(1.0, crowd.Stats.AP, 12);
        Assert.Equal(1.0, crowd.Stats.AR100, 12);

        // As a regular truth the region matches nothing (IoU 0.04), so both detections are false positives above the TP:
        // recall [0, 0, 1/2], precision [0, 0, 1/3] -> 1/3 up to recall 0.5, 0 above: 51 * (1/3) / 101.
        Assert.Equal(51.0 / 3 / 101, regular.Stats.AP, 12);
    }

    [Fact]
    public void Detection_matched_to_a_regular_truth_is_not_handed_to_an_equally_overlapping_crowd()
    {
        // The crowd covers the detection completely (crowd IoU 1, equal to the regular match): the scan stops at the
        // first ignored truth once a regular one matched, so the detection stays a true positive.
        var result = Evaluate([Truth(300, 300, 100, 100, crowd: true), Truth(310, 310, 20, 20)], [Det(310, 310, 20, 20, 0.9)]);

        Assert.Equal(1.0, result.Stats.AP, 12);
        Assert.Equal(1.0, result.Stats.AR100, 12);
    }

    [Fact]
    public void Crowd_only_truth_leaves_the_category_undefined()
    {
        var result = Evaluate([Truth(300, 300, 100, 100, crowd: true)], [Det(310, 310, 20, 20, 0.9)]);

        Assert.Equal(-1.0, result.Stats.AP);
        Assert.Equal(-1.0, result.PerCategoryAP[1]);
        Assert.All(result.PrecisionCurves[1].Precision, p => Assert.Equal(-1.0, p));
    }

    [Fact]
    public void Area_ranges_use_the_annotation_area_for_truth_and_the_box_area_for_detections()
    {
        // A 10x10 box whose annotation area (2000) is medium; a large unmatched false positive scores higher.
        CocoAnnotation[] truths = [Truth(10, 10, 10, 10, area: 2000)];
        CocoDetection[] detections = [Det(300, 300, 100, 100, 0.9), Det(10, 10, 10, 10, 0.8)];

        var s = Evaluate(truths, detections).Stats;

        Assert.Equal(-1.0, s.APSmall);
        Assert.Equal(1.0, s.APMedium, 12);
        Assert.Equal(-1.0, s.APLarge);
        Assert.Equal(0.5, s.AP, 12);
    }

    [Fact]
    public void Area_range_bounds_are_inclusive_on_both_sides()
    {
        var s = Evaluate([Truth(10, 10, 32, 32)], [Det(10, 10, 32, 32, 0.9)]).Stats;

        Assert.Equal(1.0, s.APSmall, 12);
        Assert.Equal(1.0, s.APMedium, 12);
    }

    [Fact]
    public void Max_detections_cut_each_image_to_its_top_scoring_detections()
    {
        CocoAnnotation[] twoTruths = [Truth(10, 10, 50, 50), Truth(100, 100, 50, 50)];
        var two = Evaluate(twoTruths, [Det(10, 10, 50, 50, 0.9), Det(100, 100, 50, 50, 0.8)]).Stats;
        Assert.Equal(0.5, two.AR1);
        Assert.Equal(1.0, two.AR10, 12);

        // 100 false positives outscore the only true positive, which falls outside maxDets 100.
        var detections = Enumerable.Range(0, 100).Select(i => Det(500 + (i * 3), 500, 2, 2, 0.99)).Append(Det(10, 10, 50, 50, 0.5)).ToArray();
        var cut = Evaluate([Truth(10, 10, 50, 50)], detections).Stats;
        Assert.Equal(0.0, cut.AR100);
        Assert.Equal(0.0, cut.AP);
    }

    [Fact]
    public void Categories_without_truth_are_minus_one_and_left_out_of_the_mean()
    {
        CocoCategory[] categories = [new(1, "car"), new(5, "bus")];

        var result = Evaluate([Truth(10, 10, 50, 50)], [Det(10, 10, 50, 50, 0.9), Det(10, 10, 50, 50, 0.9, category: 5)], categories: categories);

        Assert.Equal(1.0, result.PerCategoryAP[1], 12);
        Assert.Equal(-1.0, result.PerCategoryAP[5]);
        Assert.Equal(1.0, result.Stats.AP, 12);
    }

    [Fact]
    public void IoU_threshold_decides_between_AP50_and_AP75()
    {
        // Detection shifted by 10 px on a 50x50 box: IoU = 2000 / 3000 = 0.667, a match at 0.50..0.65 only.
        var s = Evaluate([Truth(10, 10, 50, 50)], [Det(20, 10, 50, 50, 0.9)]).Stats;

        Assert.Equal(1.0, s.AP50, 12);
        Assert.Equal(0.0, s.AP75);
        Assert.Equal(0.4, s.AP, 12);
    }

    [Fact]
    public void Images_without_truth_still_count_their_false_positives()
    {
        var result = Evaluate([Truth(10, 10, 50, 50)], [Det(10, 10, 50, 50, 0.8), Det(10, 10, 50, 50, 0.9, image: 2)], images: [1, 2]);

        Assert.Equal(0.5, result.Stats.AP, 12);
    }

    [Fact]
    public void Rejects_detection_on_an_image_the_truth_does_not_list()
    {
        var error = Assert.Throws<ArgumentException>(() => Evaluate([Truth(10, 10, 50, 50)], [Det(10, 10, 50, 50, 0.9, image: 7)]));

        Assert.Contains("image id 7", error.Message, StringComparison.Ordinal);
    }
}
