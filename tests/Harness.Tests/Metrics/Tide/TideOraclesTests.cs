using Harness.Metrics.Coco;
using Harness.Metrics.Tide;

namespace Harness.Tests.Metrics.Tide;

/// <summary>
/// The oracles on a clip small enough to compute by hand. APs are COCO's: the mean over the 101 recall thresholds
/// i / 100 of the best precision at a recall of at least i / 100, so a precision p held up to recall R counts
/// floor(100 R) + 1 thresholds. (Precision carries pycocotools' epsilon, hence the tolerance.)
/// </summary>
public sealed class TideOraclesTests
{
    private const int Car = 0;
    private const int Pedestrian = 1;
    private const double Tolerance = 1e-12;

    private static TideTruth Truth(int classId, double x = 0) => new(classId, TruthBoxGeometry.FromXywh(x, 0, 10, 10, isCrowd: false));

    private static TideDetection Box(int classId, double x1, double x2, double y2, double score) =>
        TideDetection.FromCorners(classId, x1, 0, x2, y2, score);

    private static TideEvaluation Evaluate(params (TideTruth[] Truth, TideDetection[] Detections)[] images)
    {
        var ledger = new TideLedger(classCount: 2);
        foreach (var (truth, detections) in images)
        {
            ledger.AddImage(truth, detections);
        }

        return ledger.Evaluate();
    }

    /// <summary>
    /// Image 1: cars A [0, 10], B [20, 30], pedestrian P [40, 50]; image 2: car C [0, 10], pedestrian Q [20, 30];
    /// image 3: car D [0, 10] (x; boxes 10 high).
    /// </summary>
    private static TideEvaluation HandClip() => Evaluate(
        ([Truth(Car), Truth(Car, 20), Truth(Pedestrian, 40)],
        [
            Box(Car, 0, 10, 10, 0.9),       // takes A
            Box(Car, 20, 30, 3, 0.8),       // B at IoU 0.3: localisation, claims B
            Box(Car, 0, 10, 8, 0.7),        // A at 0.8: duplicate
            Box(Car, 40, 50, 10, 0.6),      // on P: classification, claims P
            Box(Car, 100, 110, 10, 0.5),    // background
        ]),
        ([Truth(Car), Truth(Pedestrian, 20)],
        [
            Box(Pedestrian, 20, 30, 10, 0.95), // takes Q
            Box(Pedestrian, 0, 10, 3, 0.99),   // C at 0.3, wrong class: both; C is missed
        ]),
        ([Truth(Car)], [Box(Car, 0, 10, 10, 0.3)])); // takes D

    [Fact]
    public void Every_oracle_of_a_hand_computed_clip()
    {
        // Cars, 4 truths, in score order: TP .9, loc .8, dupe .7, cls .6, bkg .5, TP .3. Precision at the true
        // positives 1 (recall 1/4) and 2/6 (recall 2/4): 26 thresholds at 1, 25 at 1/3.
        var car = (26 + (25 / 3.0)) / 101;

        // Pedestrians, 2 truths: both .99, TP .95 at precision 1/2 up to recall 1/2: 51 thresholds.
        var pedestrian = 51 * 0.5 / 101;

        // With each error fixed alone, (car, pedestrian):
        // cls:  the .6 car becomes a pedestrian TP. Cars: TPs at 1 and 2/5; pedestrians: 1/2 and 2/3 -> 2/3 to recall 1.
        // loc:  the .8 car becomes a TP: 1, 2/2, 3/6 at recalls 1/4, 2/4, 3/4: 26 + 25 thresholds at 1, 25 at 1/2.
        // both: the .99 pedestrian goes: precision 1 to recall 1/2.
        // dupe, bkg: one false positive before the .3 TP goes: its precision becomes 2/5.
        // miss: C leaves the car truths, 3: 1 to recall 1/3 (34 thresholds), 2/6 to 2/3 (33).
        // fp:   every false positive goes: precision 1 to recall 1/2 in both classes.
        // fn:   the unmatched truths go (cars B and C, pedestrian P): cars 1 to 1/2 (51), 1/3 to 1 (50); pedestrians 1/2 to 1.
        (TideError Error, double Car, double Pedestrian)[] expected =
        [
            (TideError.Classification, (26 + (25 * 0.4)) / 101, 2 / 3.0),
            (TideError.Localisation, (51 + (25 * 0.5)) / 101, pedestrian),
            (TideError.Both, car, 51.0 / 101),
            (TideError.Duplicate, (26 + (25 * 0.4)) / 101, pedestrian),
            (TideError.Background, (26 + (25 * 0.4)) / 101, pedestrian),
            (TideError.Missed, (34 + (33 / 3.0)) / 101, pedestrian),
            (TideError.FalsePositive, 51.0 / 101, 51.0 / 101),
            (TideError.FalseNegative, (51 + (50 / 3.0)) / 101, 0.5),
        ];

        var result = HandClip();

        var cars = result.Classes[Car]!;
        var pedestrians = result.Classes[Pedestrian]!;
        var pooled = result.Pooled!;
        Assert.Equal(car, cars.Ap, Tolerance);
        Assert.Equal(pedestrian, pedestrians.Ap, Tolerance);
        Assert.Equal((car + pedestrian) / 2, pooled.Ap, Tolerance);
        foreach (var (error, fixedCar, fixedPedestrian) in expected)
        {
            Assert.Equal(fixedCar - car, cars.LostTo(error), Tolerance);
            Assert.Equal(fixedPedestrian - pedestrian, pedestrians.LostTo(error), Tolerance);
            Assert.Equal(((fixedCar + fixedPedestrian) / 2) - pooled.Ap, pooled.LostTo(error), Tolerance);
        }
    }

    [Fact]
    public void Counts_put_detection_errors_under_the_detection_class_and_truth_errors_under_the_truth_class()
    {
        var result = HandClip();

        //             cls loc both dupe bkg miss fp fn
        Assert.Equal([1, 1, 0, 1, 1, 1, 4, 2], result.Classes[Car]!.Counts);
        Assert.Equal([0, 0, 1, 0, 0, 0, 1, 1], result.Classes[Pedestrian]!.Counts);
        Assert.Equal([1, 1, 1, 1, 1, 1, 5, 3], result.Pooled!.Counts);
    }

    [Fact]
    public void The_runs_ap_is_pycocotools_ap50()
    {
        var truth = new CocoGroundTruth([1, 2, 3], [new CocoCategory(1, "car"), new CocoCategory(2, "pedestrian")],
        [
            new(1, 1, 0, 0, 10, 10, 100), new(1, 1, 20, 0, 10, 10, 100), new(1, 2, 40, 0, 10, 10, 100),
            new(2, 1, 0, 0, 10, 10, 100), new(2, 2, 20, 0, 10, 10, 100), new(3, 1, 0, 0, 10, 10, 100),
        ]);
        CocoDetection[] detections =
        [
            new(1, 1, 0, 0, 10, 10, 0.9), new(1, 1, 20, 0, 10, 3, 0.8), new(1, 1, 0, 0, 10, 8, 0.7), new(1, 1, 40, 0, 10, 10, 0.6),
            new(1, 1, 100, 0, 10, 10, 0.5), new(2, 2, 20, 0, 10, 10, 0.95), new(2, 2, 0, 0, 10, 3, 0.99), new(3, 1, 0, 0, 10, 10, 0.3),
        ];

        var coco = CocoEvaluator.Evaluate(truth, detections);
        var (categories, tide) = TideCoco.Evaluate(truth, detections);
        var hand = HandClip();

        Assert.Equal([1, 2], categories);
        Assert.Equal(coco.Stats.AP50, tide.Pooled!.Ap, Tolerance);
        Assert.Equal(coco.PerCategoryAP50[1], tide.Classes[0]!.Ap, Tolerance);
        Assert.Equal(coco.PerCategoryAP50[2], tide.Classes[1]!.Ap, Tolerance);
        Assert.Equal(hand.Pooled!.Lost, tide.Pooled.Lost);
    }

    [Fact]
    public void A_class_whose_truth_an_oracle_removes_scores_1_without_false_positives_and_0_with_them()
    {
        // One car, never found: AP 0. Without it nothing is left to find, and nothing was found wrongly.
        var missedAlone = Evaluate(([Truth(Car)], [])).Classes[Car]!;

        // With a far false positive left over, the class stays at 0 (TIDE's ap.py returns 0 without truth).
        var missedWithFalsePositive = Evaluate(([Truth(Car)], [Box(Car, 50, 60, 10, 0.9)])).Classes[Car]!;

        Assert.Equal(0, missedAlone.Ap);
        Assert.Equal(1, missedAlone.LostTo(TideError.Missed));
        Assert.Equal(1, missedAlone.LostTo(TideError.FalseNegative));
        Assert.Equal(0, missedWithFalsePositive.LostTo(TideError.Missed));
        Assert.Equal(0, missedWithFalsePositive.LostTo(TideError.Background));
    }

    [Fact]
    public void Classes_without_truth_are_left_out_of_the_pooled_values_and_a_clip_without_truth_has_none()
    {
        // A pedestrian false positive where there is no pedestrian: TIDE would average in its AP of 0; COCO does not.
        var result = Evaluate(([Truth(Car)], [Box(Car, 0, 10, 10, 0.9), Box(Pedestrian, 50, 60, 10, 0.8)]));

        Assert.Null(result.Classes[Pedestrian]);
        Assert.Equal(1, result.Pooled!.Ap, Tolerance);
        Assert.Equal(1, result.Pooled.CountOf(TideError.Background));
        Assert.Null(Evaluate(([], [Box(Car, 0, 10, 10, 0.9)])).Pooled);
    }

    [Fact]
    public void Detections_equal_to_the_truth_lose_nothing_up_to_100_of_a_class_in_an_image()
    {
        // dbolya/tide#40: the truth given as detections still showed missed errors. Here they find every object, at
        // any scores, until an image has more than 100 of one class: the boxes past that are cut, as pycocotools cuts
        // them, and their objects are missed.
        TideTruth[] Cars(int count) => [.. Enumerable.Range(0, count).Select(i => Truth(Car, i * 20))];
        TideDetection[] Found(TideTruth[] truth) => [.. truth.Select((t, i) => Box(Car, t.Box.X1, t.Box.X2, 10, 0.5 + (i % 3 * 0.1)))];
        var hundred = Cars(100);
        var more = Cars(102);

        var exact = Evaluate((hundred, Found(hundred)), (Cars(3), Found(Cars(3)))).Pooled!;
        var crowded = Evaluate((more, Found(more))).Pooled!;

        Assert.Equal(1, exact.Ap, Tolerance);
        Assert.All(exact.Lost, lost => Assert.Equal(0, lost, Tolerance));
        Assert.Equal(2, crowded.CountOf(TideError.Missed));
        Assert.True(crowded.LostTo(TideError.Missed) > 0);
    }
}
