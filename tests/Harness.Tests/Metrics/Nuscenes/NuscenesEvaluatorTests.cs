using Harness.Metrics.Nuscenes;
using static Harness.Tests.Metrics.Nuscenes.NuscenesBoxes;

namespace Harness.Tests.Metrics.Nuscenes;

/// <summary>Hand-computed cases of filtering, AP, TP errors, mAP and NDS over the ten classes of detection_cvpr_2019.</summary>
public sealed class NuscenesEvaluatorTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void A_perfect_car_scores_ap_1_and_the_nine_classes_without_truth_pull_map_and_nds_down()
    {
        var car = Box(10, 5, yaw: 0.3, velocity: (2, 1), attribute: "vehicle.moving");

        var result = Evaluate(Submission([car]), Submission([car with { Score = 0.9 }]));

        // 1.0000000000000004, as the devkit's own float arithmetic gives it: 90 · 0.9 / 90 / 0.9.
        Assert.Equal([1.0, 1, 1, 1], result.Class("car").AveragePrecisions, new ToleranceComparer(Tolerance));
        Assert.All(result.Class("car").TpErrors, e => Assert.Equal(0, e));
        Assert.All(result.Classes.Where(c => c.Name != "car"), c => Assert.Equal([0.0, 0, 0, 0], c.AveragePrecisions));
        Assert.Equal(0.1, result.MeanAveragePrecision, Tolerance);

        // Means over the classes that evaluate each error: 10 for ATE and ASE, 9 for AOE (not cones), 8 for AVE and AAE.
        Assert.Equal([0.9, 0.9, 8.0 / 9, 7.0 / 8, 7.0 / 8], result.TpErrors.ToArray(), new ToleranceComparer(Tolerance));
        var scores = 0.1 + 0.1 + (1.0 / 9) + 0.125 + 0.125;
        Assert.Equal(((5 * 0.1) + scores) / 10, result.DetectionScore, Tolerance);
    }

    [Fact]
    public void A_class_without_truth_has_ap_0_and_tp_errors_1_even_with_predictions()
    {
        var result = Evaluate(Submission([Box(10, 0)]), Submission([Box(10, 0, score: 0.9), Box(20, 0, "pedestrian", score: 0.9)]));

        var pedestrian = result.Class("pedestrian");
        Assert.Equal(0, pedestrian.TruthCount);
        Assert.Equal(1, pedestrian.PredictionCount);
        Assert.Equal([0.0, 0, 0, 0], pedestrian.AveragePrecisions);
        Assert.Equal([1.0, 1, 1, 1, 1], pedestrian.TpErrors);
    }

    [Fact]
    public void A_class_without_predictions_has_ap_0_and_tp_errors_1()
    {
        var result = Evaluate(Submission([Box(10, 0), Box(0, 10, "pedestrian")]), Submission([Box(10, 0, score: 0.9)]));

        var pedestrian = result.Class("pedestrian");
        Assert.Equal(1, pedestrian.TruthCount);
        Assert.Equal([0.0, 0, 0, 0], pedestrian.AveragePrecisions);
        Assert.Equal([1.0, 1, 1, 1, 1], pedestrian.TpErrors);
    }

    [Fact]
    public void Cones_are_not_judged_on_orientation_velocity_or_attribute_nor_barriers_on_velocity_or_attribute()
    {
        var cone = Box(5, 0, "traffic_cone");
        var barrier = Box(0, 5, "barrier");

        var result = Evaluate(Submission([cone, barrier]), Submission([cone with { Score = 0.5 }, barrier with { Score = 0.5 }]));

        Assert.Equal([false, false, true, true, true], result.Class("traffic_cone").TpErrors.Select(double.IsNaN));
        Assert.Equal([false, false, false, true, true], result.Class("barrier").TpErrors.Select(double.IsNaN));
    }

    [Fact]
    public void A_barrier_turned_half_round_has_no_orientation_error_a_car_has_pi()
    {
        var barrier = Box(0, 5, "barrier", yaw: 0.2);
        var car = Box(5, 0, yaw: 0.2);

        var result = Evaluate(
            Submission([barrier, car]),
            Submission([barrier with { Rotation = Turned(0.2 + Math.PI), Score = 0.5 }, car with { Rotation = Turned(0.2 + Math.PI), Score = 0.5 }]));

        Assert.Equal(0, result.Class("barrier").Error(NuscenesTpMetric.Orientation), 1e-9);
        Assert.Equal(Math.PI, result.Class("car").Error(NuscenesTpMetric.Orientation), 1e-9);
    }

    [Theory]
    [InlineData("car", 30, 40, 0)]
    [InlineData("car", 30, 39.999999, 1)]
    [InlineData("pedestrian", 0, 40, 0)]
    [InlineData("pedestrian", 0, 39.999999, 1)]
    [InlineData("barrier", 18, 24, 0)]
    [InlineData("barrier", 18, 23.999999, 1)]
    public void A_box_exactly_at_its_class_range_is_dropped_one_just_inside_is_kept(string name, double x, double y, int kept)
    {
        var box = Box(x, y, name);

        var result = Evaluate(Submission([box]), Submission([box with { Score = 0.5 }]));

        Assert.Equal(kept, result.Class(name).TruthCount);
        Assert.Equal(kept, result.Class(name).PredictionCount);
        Assert.Equal(kept, result.Class(name).AveragePrecisions[0], Tolerance);
    }

    [Fact]
    public void The_range_is_judged_on_the_ego_distance_not_the_position()
    {
        var outOfRange = Box(1, 1) with { EgoDistance = 60 };

        var result = Evaluate(Submission([outOfRange]), Submission([]));

        Assert.Equal(0, result.Class("car").TruthCount);
    }

    [Fact]
    public void Truth_with_no_lidar_points_is_dropped_truth_without_a_count_kept()
    {
        var result = Evaluate(
            Submission([Box(5, 0, numPoints: 0), Box(10, 0, numPoints: -1), Box(15, 0, numPoints: 3)]),
            Submission([Box(5, 0, score: 0.9)]));

        Assert.Equal(2, result.Class("car").TruthCount);

        // The prediction on the dropped truth is a false positive: precision 0 at every recall.
        Assert.Equal(0, result.Class("car").AveragePrecisions[0]);
    }

    [Fact]
    public void Recall_never_above_min_recall_gives_ap_0_and_tp_errors_1()
    {
        // One of 20 cars found: recall 0.05, below the 0.1 the AP and TP errors start above.
        var truth = Enumerable.Range(0, 20).Select(i => Box(2 * i, 0)).ToArray();

        var car = Evaluate(Submission(truth), Submission([Box(0, 0, score: 0.9)])).Class("car");

        Assert.Equal([0.0, 0, 0, 0], car.AveragePrecisions);
        Assert.Equal([1.0, 1, 1, 1, 1], car.TpErrors);
    }

    [Fact]
    public void Precision_is_interpolated_over_recall_and_clipped_at_min_precision()
    {
        // A false positive scored above the one true positive: precision 0 then 1/2 at recall 0 then 1, so 0.005 i at
        // the sampled recall i / 100. Above recall 0.1: mean of max(0.005 i - 0.1, 0) for i = 11..100 is 16.2 / 90 (the
        // points up to i = 20 clipped to 0), over 1 - 0.1: AP 0.2.
        var car = Evaluate(Submission([Box(0, 0)]), Submission([Box(30, 0, score: 0.9), Box(0, 0, score: 0.8)])).Class("car");

        Assert.Equal(0.2, car.AveragePrecisions[0], Tolerance);
    }

    [Fact]
    public void Tp_errors_are_the_running_mean_read_at_each_recall_by_score()
    {
        // Two cars found, 0.2 m off at score 0.9 and 0.6 m off at score 0.8. Up to recall 0.5 the score is 0.9 and the
        // running mean 0.2; from 0.5 to 1 the score falls linearly to 0.8 and the error rises to the mean 0.4. Over
        // recall 0.11..1: (90 · 0.2 + 0.2 · (0 + 1/50 + ... + 50/50)) / 90 = 0.2 + 0.2 · 25.5 / 90.
        var result = Evaluate(
            Submission([Box(0, 10), Box(0, 20)]),
            Submission([Box(0.2, 10, score: 0.9), Box(0.6, 20, score: 0.8)]));

        Assert.Equal(0.2 + (0.2 * 25.5 / 90), result.Class("car").Error(NuscenesTpMetric.Translation), Tolerance);
    }

    [Fact]
    public void An_unknown_velocity_is_left_out_of_the_running_mean_which_is_0_until_one_is_known()
    {
        // Errors NaN then 1: running mean 0 (nothing known yet) then 1, read as in the translation case above.
        var result = Evaluate(
            Submission([Box(0, 10, velocity: (double.NaN, double.NaN)), Box(0, 20, velocity: (1, 0))]),
            Submission([Box(0.2, 10, score: 0.9, velocity: (5, 5)), Box(0.6, 20, score: 0.8)]));

        Assert.Equal(25.5 / 90, result.Class("car").Error(NuscenesTpMetric.Velocity), Tolerance);
    }

    [Fact]
    public void An_error_unknown_for_every_match_counts_as_1()
    {
        var car = Box(0, 10, velocity: (double.NaN, double.NaN));

        var result = Evaluate(Submission([car]), Submission([car with { Score = 0.9 }]));

        Assert.Equal(1, result.Class("car").Error(NuscenesTpMetric.Velocity));
        Assert.Equal(1, result.Class("car").Error(NuscenesTpMetric.Attribute));
        Assert.Equal(0, result.Class("car").Error(NuscenesTpMetric.Translation));
    }

    [Fact]
    public void Scale_and_attribute_errors_reach_the_class_means()
    {
        var truth = Box(0, 10, size: (2, 4, 1.5), attribute: "vehicle.parked");

        var car = Evaluate(Submission([truth]), Submission([truth with { Size = (1, 4, 3), AttributeName = "vehicle.moving", Score = 0.9 }])).Class("car");

        Assert.Equal(2.0 / 3, car.Error(NuscenesTpMetric.Scale), Tolerance);
        Assert.Equal(1, car.Error(NuscenesTpMetric.Attribute));
    }

    [Fact]
    public void Nds_weighs_map_five_times_and_scores_each_tp_error_at_least_0()
    {
        // A car found 1.5 m off, turned half round and 3 m/s off: AP 0 at 0.5 and 1 m and 1 at 2 and 4 m (mAP 0.05); its
        // ATE 1.5, AOE π and AVE 3 lift the class means above 1, which score 0, not less.
        var car = Box(0, 10, attribute: "vehicle.moving");

        var result = Evaluate(
            Submission([car]),
            Submission([car with { Translation = (1.5, 10, 0.8), Rotation = Turned(Math.PI), Velocity = (3, 0), Score = 0.9 }]));

        Assert.Equal([0.0, 0, 1, 1], result.Class("car").AveragePrecisions, new ToleranceComparer(Tolerance));
        Assert.Equal(0.05, result.MeanAveragePrecision, Tolerance);
        Assert.Equal([1.05, 0.9, (Math.PI + 8) / 9, (3.0 + 7) / 8, 7.0 / 8], result.TpErrors.ToArray(), new ToleranceComparer(Tolerance));
        Assert.Equal([0, 0.1, 0, 0, 0.125], result.TpScores.ToArray(), new ToleranceComparer(Tolerance));
        Assert.Equal(((5 * 0.05) + 0.1 + 0.125) / 10, result.DetectionScore, Tolerance);
    }

    private static (double, double, double, double) Turned(double yaw) => (Math.Cos(yaw / 2), 0, 0, Math.Sin(yaw / 2));

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
