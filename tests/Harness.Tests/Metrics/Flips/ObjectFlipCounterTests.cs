using Harness.Metrics.Flips;
using Harness.Tests.Testing;

namespace Harness.Tests.Metrics.Flips;

public sealed class ObjectFlipCounterTests
{
    private static readonly string[] Classes = ["car", "pedestrian", "cyclist"];

    private static readonly TruthBox Car = new(0, 0, 0, 40, 40, RangeMeters: 10);

    [Fact]
    public void An_object_matched_in_the_baseline_and_missed_now_is_lost()
    {
        var summary = Count([Car], baseline: [Exact(Car)], current: []);

        Assert.Equal((1, 0, 0, 0, 0), Totals(summary));
        Assert.Equal(new FlipCounts(1, 0, 0, 0, 0), summary.ByGroup["car"]);
        var flip = Assert.Single(summary.Worst);
        Assert.Equal((FlipKind.Lost, 0, Car, Exact(Car), (Detection?)null), (flip.Kind, flip.ClassId, flip.Truth, flip.Baseline, flip.Current));
    }

    [Fact]
    public void An_object_missed_in_the_baseline_and_matched_now_is_found()
    {
        var summary = Count([Car], baseline: [], current: [Exact(Car)]);

        Assert.Equal((0, 1, 0, 0, 0), Totals(summary));
        var flip = Assert.Single(summary.Worst);
        Assert.Equal((FlipKind.Found, (Detection?)null, Exact(Car)), (flip.Kind, flip.Baseline, flip.Current));
    }

    [Fact]
    public void An_object_matched_in_both_runs_or_missed_in_both_does_not_flip()
    {
        TruthBox missedTwice = new(0, 100, 100, 20, 20);

        var summary = Count([Car, missedTwice], baseline: [Exact(Car)], current: [Exact(Car) with { Score = 0.5f, X1 = 1 }]);

        Assert.Equal((0, 0, 0, 0, 0), Totals(summary));
        Assert.Empty(summary.Worst);
    }

    [Fact]
    public void A_lost_object_now_detected_as_another_class_is_a_class_change_not_a_loss_nor_a_false_positive()
    {
        var asPedestrian = Exact(Car) with { ClassId = 1 };

        var summary = Count([Car], baseline: [Exact(Car)], current: [asPedestrian]);

        Assert.Equal((0, 0, 1, 0, 0), Totals(summary));
        Assert.Equal(new FlipCounts(0, 0, 1, 0, 0), summary.ByGroup["car"]);
        Assert.Equal(new FlipCounts(0, 0, 0, 0, 0), summary.ByGroup["pedestrian"]);
        var flip = Assert.Single(summary.Worst);
        Assert.Equal((FlipKind.ClassChanged, 0, Exact(Car), asPedestrian), (flip.Kind, flip.ClassId, flip.Baseline, flip.Current));
    }

    [Fact]
    public void A_found_object_the_baseline_detected_as_another_class_is_a_class_change_not_a_find_nor_a_gone_false_positive()
    {
        var asCyclist = Exact(Car) with { ClassId = 2 };

        var summary = Count([Car], baseline: [asCyclist], current: [Exact(Car)]);

        Assert.Equal((0, 0, 1, 0, 0), Totals(summary));
        var flip = Assert.Single(summary.Worst);
        Assert.Equal((FlipKind.ClassChanged, asCyclist, Exact(Car)), (flip.Kind, flip.Baseline, flip.Current));
    }

    [Fact]
    public void Another_class_detection_below_iou_half_leaves_a_plain_loss_and_a_false_positive()
    {
        var shiftedPedestrian = new Detection(25, 0, 65, 40, 0.9f, 1);

        var summary = Count([Car], baseline: [Exact(Car)], current: [shiftedPedestrian]);

        Assert.Equal((1, 0, 0, 1, 0), Totals(summary));
    }

    [Fact]
    public void A_detection_that_matched_an_object_of_its_own_class_does_not_explain_a_class_change()
    {
        TruthBox rider = new(1, 0, 0, 40, 40, RangeMeters: 10);

        var summary = Count([Car, rider], baseline: [Exact(Car), Exact(rider)], current: [Exact(rider)]);

        Assert.Equal((1, 0, 0, 0, 0), Totals(summary));
    }

    [Fact]
    public void False_positives_of_one_class_overlapping_across_runs_are_the_same_and_do_not_flip()
    {
        var before = new Detection(200, 200, 240, 240, 0.6f, 0);
        var after = new Detection(204, 200, 244, 240, 0.7f, 0);

        var summary = Count([], baseline: [before], current: [after]);

        Assert.Equal((0, 0, 0, 0, 0), Totals(summary));
    }

    [Fact]
    public void False_positives_of_different_classes_do_not_pair_one_appears_and_one_is_gone()
    {
        var before = new Detection(200, 200, 240, 240, 0.6f, 0);

        var summary = Count([], baseline: [before], current: [before with { ClassId = 1 }]);

        Assert.Equal((0, 0, 0, 1, 1), Totals(summary));
        Assert.Equal(new FlipCounts(0, 0, 0, 0, 1), summary.ByGroup["car"]);
        Assert.Equal(new FlipCounts(0, 0, 0, 1, 0), summary.ByGroup["pedestrian"]);
    }

    [Theory]
    [InlineData(0f, 0f, 15.29f, 0f)]
    [InlineData(20f, 10f, 20f, 50f)]
    [InlineData(30f, 30f, 30f, 30f)]
    public void A_false_positive_without_area_pairs_with_the_identical_box_so_an_unchanged_frame_has_no_flip(float x1, float y1, float x2, float y2)
    {
        // Given a box whose IoU with itself is 0 (the first is urban-day's frame 130), in both runs.
        var box = new Detection(x1, y1, x2, y2, 0.25f, 0);

        var summary = Count([], baseline: [box], current: [box]);

        Assert.Equal((0, 0, 0, 0, 0), Totals(summary));
    }

    [Theory]
    [InlineData(60f, 10f, 60f, 50f)]
    [InlineData(20f, 12f, 20f, 50f)]
    public void A_zero_width_false_positive_does_not_pair_with_another_zero_width_box(float x1, float y1, float x2, float y2)
    {
        var before = new Detection(20, 10, 20, 50, 0.25f, 0);

        var summary = Count([], baseline: [before], current: [new Detection(x1, y1, x2, y2, 0.25f, 0)]);

        Assert.Equal((0, 0, 0, 1, 1), Totals(summary));
    }

    [Fact]
    public void A_zero_width_false_positive_and_a_nearly_identical_box_with_area_follow_the_iou_rule()
    {
        // IoU is 0: the boxes share no area, however close their corners.
        var before = new Detection(20, 10, 20, 50, 0.25f, 0);
        var after = before with { X2 = 20.001f };

        var summary = Count([], baseline: [before], current: [after]);

        Assert.Equal((0, 0, 0, 1, 1), Totals(summary));
    }

    [Fact]
    public void Identical_boxes_of_different_classes_do_not_pair_even_without_area()
    {
        var before = new Detection(20, 10, 20, 50, 0.25f, 0);

        var summary = Count([], baseline: [before], current: [before with { ClassId = 1 }]);

        Assert.Equal((0, 0, 0, 1, 1), Totals(summary));
    }

    [Fact]
    public void False_positives_pair_greedily_highest_iou_first_not_in_detection_order()
    {
        // The current false positive overlaps the second baseline one more (IoU 0.9) than the first (0.6): pairing in
        // detection order would pair it with the first and leave the second gone.
        var current = new Detection(0, 0, 100, 100, 0.9f, 0);
        var first = new Detection(0, 0, 100, 60, 0.9f, 0);
        var second = new Detection(0, 0, 100, 90, 0.9f, 0);

        var summary = Count([], baseline: [first, second], current: [current]);

        Assert.Equal((0, 0, 0, 0, 1), Totals(summary));
        Assert.Equal(first, Assert.Single(summary.Worst).Baseline);
    }

    [Fact]
    public void A_detection_in_an_ignore_region_is_neither_a_false_positive_nor_a_flip()
    {
        TruthBox crowd = new(-1, 300, 300, 100, 100, Ignore: true);
        TruthBox ignoredCar = new(0, 0, 300, 100, 100, Ignore: true);

        var summary = Count(
            [crowd, ignoredCar],
            baseline: [],
            current: [new Detection(310, 310, 350, 350, 0.9f, 1), new Detection(0, 300, 100, 400, 0.9f, 0)]);

        Assert.Equal((0, 0, 0, 0, 0), Totals(summary));
        Assert.Equal("no object changed", summary.Describe());
    }

    [Fact]
    public void Objects_count_in_every_slice_they_belong_to_and_false_positives_in_none()
    {
        // 40 x 40 px (medium), 10 m away, fully visible and 40 px tall (every KITTI difficulty).
        var falsePositive = new Detection(500, 500, 540, 540, 0.9f, 0);

        var summary = Count([Car], baseline: [Exact(Car)], current: [falsePositive]);

        string[] member = ["range:0-30m", "size:medium", "occlusion:none", "kitti:easy", "kitti:moderate", "kitti:hard"];
        Assert.All(member, slice => Assert.Equal(new FlipCounts(1, 0, 0, 0, 0), summary.ByGroup["car/" + slice]));
        string[] notMember = ["range:30-50m", "range:50m+", "size:small", "size:large", "occlusion:partial", "occlusion:heavy"];
        Assert.All(notMember, slice => Assert.Equal(new FlipCounts(0, 0, 0, 0, 0), summary.ByGroup["car/" + slice]));
        Assert.Equal(new FlipCounts(1, 0, 0, 1, 0), summary.ByGroup["car"]);
    }

    [Fact]
    public void Every_class_and_class_slice_group_is_present()
    {
        var summary = Count([], baseline: [], current: []);

        Assert.Equal(Classes.Length * (1 + Harness.Metrics.MetricNames.RecallSlices.Count), summary.ByGroup.Count);
        Assert.Contains("cyclist/kitti:hard", summary.ByGroup.Keys);
    }

    [Fact]
    public void Worst_lists_near_large_vulnerable_objects_before_far_small_cars_and_false_positives()
    {
        TruthBox farSmallCar = new(0, 0, 0, 12, 12, RangeMeters: 80);
        TruthBox nearPedestrian = new(1, 100, 0, 60, 150, RangeMeters: 6);
        var falsePositive = new Detection(300, 0, 340, 40, 0.9f, 0);

        var summary = Count([farSmallCar, nearPedestrian], baseline: [Exact(farSmallCar), Exact(nearPedestrian)], current: [falsePositive]);

        Assert.Equal([FlipKind.Lost, FlipKind.FalsePositiveAppeared, FlipKind.Lost], summary.Worst.Select(f => f.Kind));
        Assert.Equal(nearPedestrian, summary.Worst[0].Truth);
        Assert.Equal(farSmallCar, summary.Worst[2].Truth);
    }

    [Fact]
    public void A_lost_object_ranks_above_an_appeared_false_positive_of_the_same_class_and_size()
    {
        TruthBox car = new(0, 0, 0, 40, 40);
        var falsePositive = new Detection(300, 0, 340, 40, 0.9f, 0);

        var summary = Count([car], baseline: [Exact(car)], current: [falsePositive]);

        Assert.Equal([FlipKind.Lost, FlipKind.FalsePositiveAppeared], summary.Worst.Select(f => f.Kind));
    }

    [Fact]
    public void Keeps_only_the_most_severe_flips_ties_by_frame_then_position()
    {
        TruthBox near = Car;
        TruthBox far = Car with { X = 100, RangeMeters = 70 };
        var counter = new ObjectFlipCounter(Classes, keepWorst: 3);

        counter.Add(0, 10, [far, near], [Exact(far), Exact(near)], []);
        counter.Add(1, 11, [far, near], [Exact(far), Exact(near)], []);
        counter.Add(2, 12, [near, far], [Exact(near), Exact(far)], []);
        var summary = counter.Complete();

        Assert.Equal(6, summary.Lost);
        Assert.Equal([(0, near), (1, near), (2, near)], summary.Worst.Select(f => (f.FrameOrdinal, f.Truth)));
        Assert.Equal([10L, 11L, 12L], summary.Worst.Select(f => f.FrameIndex));
    }

    [Fact]
    public void Equal_severities_in_one_frame_are_ordered_by_position()
    {
        TruthBox twin = Car with { X = 100 };

        var summary = Count([twin, Car], baseline: [Exact(Car), Exact(twin)], current: []);

        Assert.Equal([twin, Car], summary.Worst.Select(f => f.Truth));
    }

    [Fact]
    public void Comparing_a_run_with_itself_finds_no_flip_on_random_frames()
    {
        var random = new Random(3);
        var counter = new ObjectFlipCounter(Classes);
        for (var frame = 0; frame < 200; frame++)
        {
            var truth = RandomFrames.Truth(random, Classes.Length);
            var detections = RandomFrames.Detections(random, truth, Classes.Length);
            counter.Add(frame, frame, truth, detections, detections);
        }

        Assert.Equal("no object changed", counter.Complete().Describe());
    }

    [Fact]
    public void Swapping_the_runs_swaps_lost_with_found_and_appeared_with_gone_on_random_frames()
    {
        var random = new Random(17);
        var forward = new ObjectFlipCounter(Classes);
        var backward = new ObjectFlipCounter(Classes);
        for (var frame = 0; frame < 300; frame++)
        {
            var truth = RandomFrames.Truth(random, Classes.Length);
            var before = RandomFrames.Detections(random, truth, Classes.Length);
            var after = RandomFrames.Detections(random, truth, Classes.Length);
            forward.Add(frame, frame, truth, before, after);
            backward.Add(frame, frame, truth, after, before);
        }

        var (lost, found, changed, appeared, gone) = Totals(forward.Complete());
        Assert.True(lost > 0 && found > 0 && changed > 0 && appeared > 0 && gone > 0, "the random frames exercise every kind");
        Assert.Equal((found, lost, changed, gone, appeared), Totals(backward.Complete()));
    }

    [Fact]
    public void Same_frames_give_the_same_summary()
    {
        FlipSummary Run()
        {
            var random = new Random(23);
            var counter = new ObjectFlipCounter(Classes, keepWorst: 20);
            for (var frame = 0; frame < 100; frame++)
            {
                var truth = RandomFrames.Truth(random, Classes.Length);
                counter.Add(frame, frame, truth, RandomFrames.Detections(random, truth, Classes.Length), RandomFrames.Detections(random, truth, Classes.Length));
            }

            return counter.Complete();
        }

        var first = Run();
        var second = Run();

        Assert.Equal(first.Worst, second.Worst);
        Assert.Equal(first.ByGroup, second.ByGroup);
        Assert.Equal(20, first.Worst.Count);
        Assert.True(first.Worst.Zip(first.Worst.Skip(1)).All(p => p.First.Severity >= p.Second.Severity), "most severe first");
    }

    [Fact]
    public void Allocates_nothing_per_frame_beyond_the_worst_list()
    {
        TruthBox[] truth = [Car, new(1, 100, 0, 20, 50), new(-1, 300, 300, 100, 100, Ignore: true)];
        Detection[] baseline = [Exact(truth[0]), new(200, 200, 240, 240, 0.5f, 0), new(500, 0, 540, 40, 0.5f, 2)];
        Detection[] current = [Exact(truth[1]), Exact(truth[0]) with { ClassId = 2, X2 = 38 }, new(202, 200, 242, 240, 0.5f, 0), new(310, 310, 350, 350, 0.5f, 1), new(0, 500, 40, 540, 0.5f, 1)];
        // Per frame: the car turns cyclist, the pedestrian is found, the pedestrian false positive appears, the cyclist
        // one is gone; the car false positives pair up and the pedestrian in the crowd is ignored.
        var counter = new ObjectFlipCounter(Classes, keepWorst: 4);
        for (var i = 0; i < 100; i++)
        {
            counter.Add(i, i, truth, baseline, current);
        }

        const int Frames = 5000;
        var next = 100;
        var allocated = SteadyAllocation.Of(() =>
        {
            for (var end = next + Frames; next < end; next++)
            {
                counter.Add(next, next, truth, baseline, current);
            }
        });

        // Later frames tie with the kept ones and lose on frame order, so nothing enters the worst list. Any
        // per-frame object would exceed this bound many times over.
        Assert.InRange(allocated, 0, Frames);
        Assert.Equal((0, next, next, next, next), Totals(counter.Complete()));
        Assert.Equal(100 + (3 * Frames), next);
    }

    private static FlipSummary Count(TruthBox[] truth, Detection[] baseline, Detection[] current)
    {
        var counter = new ObjectFlipCounter(Classes);
        counter.Add(0, 0, truth, baseline, current);
        return counter.Complete();
    }

    private static (int Lost, int Found, int ClassChanged, int Appeared, int Gone) Totals(FlipSummary summary) =>
        (summary.Lost, summary.Found, summary.ClassChanged, summary.FalsePositivesAppeared, summary.FalsePositivesGone);

    private static Detection Exact(TruthBox box) => new(box.X, box.Y, box.X + box.Width, box.Y + box.Height, 0.9f, box.ClassId);
}
