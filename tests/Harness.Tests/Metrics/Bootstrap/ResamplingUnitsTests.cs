using Harness.Metrics.Bootstrap;

namespace Harness.Tests.Metrics.Bootstrap;

public sealed class ResamplingUnitsTests
{
    private static readonly BootstrapOptions OneSecond = new(BlockSeconds: 1.0);

    private static long[] Timestamps(int frames) => [.. Enumerable.Range(0, frames).Select(i => i * 100_000_000L)];

    private static TruthBox Box(float x, int track, int cls = 0) => new(cls, x, 0, 10, 10, TrackId: track);

    private static ResamplingUnits Units(IReadOnlyList<IReadOnlyList<TruthBox>> truth, BootstrapOptions? options = null, IReadOnlyList<IReadOnlyList<Detection>>? run = null) =>
        ResamplingUnits.Create(truth, Timestamps(truth.Count), [run ?? [.. truth.Select(_ => (IReadOnlyList<Detection>)[])]], options ?? OneSecond);

    [Fact]
    public void Track_ids_seen_in_two_frames_make_one_unit_each_after_the_frames_in_order_of_first_appearance()
    {
        IReadOnlyList<IReadOnlyList<TruthBox>> truth = [[Box(0, 7), Box(50, 3)], [Box(0, 3), Box(100, -1)], [Box(0, 9)]];

        var units = Units(truth, OneSecond with { Units = ResamplingUnit.Tracks });

        Assert.Equal((3, 3, 6), (units.Frames, units.Tracks, units.Count));
        Assert.Equal(3, units.TruthUnit(0, 0));
        Assert.Equal(4, units.TruthUnit(0, 1));
        Assert.Equal(4, units.TruthUnit(1, 0));
        Assert.Equal(1, units.TruthUnit(1, 1));
        Assert.Equal(5, units.TruthUnit(2, 0));
    }

    [Fact]
    public void Ids_that_never_recur_are_not_tracks_and_every_box_stays_with_its_frame()
    {
        // COCO annotation ids number boxes; they say nothing about which boxes belong together.
        IReadOnlyList<IReadOnlyList<TruthBox>> truth = [[Box(0, 1), Box(50, 2)], [Box(0, 3)]];

        var units = Units(truth);

        Assert.Equal(0, units.Tracks);
        Assert.Equal((0, 0, 1), (units.TruthUnit(0, 0), units.TruthUnit(0, 1), units.TruthUnit(1, 0)));
    }

    [Fact]
    public void Frames_as_units_ignore_track_ids()
    {
        IReadOnlyList<IReadOnlyList<TruthBox>> truth = [[Box(0, 7)], [Box(0, 7)]];

        var units = Units(truth, OneSecond with { Units = ResamplingUnit.Frames });

        Assert.Equal((0, 0, 1), (units.Tracks, units.TruthUnit(0, 0), units.TruthUnit(1, 0)));
    }

    [Theory]
    [InlineData(9f, 4)]
    [InlineData(18f, 4)]
    [InlineData(18.5f, 0)]
    [InlineData(40f, 0)]
    public void A_detection_belongs_to_the_tracked_truth_it_overlaps_at_iou_one_tenth_or_more_else_to_its_frame(float x, int expected)
    {
        // Truth [10, 20] x [0, 10] on track 5 (unit 4, after the 4 frames); a 10 x 10 detection at x overlaps it
        // w = 20 - x wide: IoU w / (20 - w), 0.11 at x = 18 and 0.08 at x = 18.5.
        IReadOnlyList<IReadOnlyList<TruthBox>> truth = [[new TruthBox(1, 10, 0, 10, 10, TrackId: 5)], [new TruthBox(1, 10, 0, 10, 10, TrackId: 5)], [], []];
        var units = Units(truth);
        var detection = new Detection(x, 0, x + 10, 10, 0.5f, 0);

        Assert.Equal(expected, units.DetectionUnit(0, detection, truth[0]));
    }

    [Fact]
    public void At_exactly_one_tenth_iou_a_detection_still_belongs_to_the_object()
    {
        // A 1 x 10 detection inside a 10 x 10 truth: IoU 10 / 100 = 0.1 exactly; 0.99 x 10 is 0.099.
        IReadOnlyList<IReadOnlyList<TruthBox>> truth = [[new TruthBox(0, 0, 0, 10, 10, TrackId: 5)], [new TruthBox(0, 0, 0, 10, 10, TrackId: 5)]];
        var units = Units(truth);

        Assert.Equal(2, units.DetectionUnit(0, new Detection(0, 0, 1, 10, 0.5f, 0), truth[0]));
        Assert.Equal(0, units.DetectionUnit(0, new Detection(0, 0, 0.99f, 10, 0.5f, 0), truth[0]));
    }

    [Fact]
    public void Of_two_tracked_truths_a_detection_belongs_to_the_one_it_overlaps_most_and_ties_go_to_the_first()
    {
        IReadOnlyList<IReadOnlyList<TruthBox>> truth = [[Box(0, 1), Box(6, 2)], [Box(0, 1), Box(6, 2)]];
        var units = Units(truth);

        Assert.Equal(units.TruthUnit(0, 1), units.DetectionUnit(0, new Detection(5, 0, 15, 10, 0.5f, 0), truth[0]));
        Assert.Equal(units.TruthUnit(0, 0), units.DetectionUnit(0, new Detection(3, 0, 13, 10, 0.5f, 0), truth[0]));
    }

    [Fact]
    public void Independent_units_are_the_tracks_and_the_whole_blocks_of_frames()
    {
        var truth = Enumerable.Range(0, 45).Select(i => (IReadOnlyList<TruthBox>)[Box(0, i / 2)]).ToList();

        var units = Units(truth);

        // 23 tracks (ids 0..22), 45 frames in blocks of 10 (1 s at 10 Hz): 4 whole blocks.
        Assert.Equal((23, 10, 27), (units.Tracks, units.BlockLength, units.Independent));
    }

    [Fact]
    public void Without_a_block_length_in_seconds_the_frame_stratum_takes_the_data_driven_one()
    {
        // Background false positives that persist for 20 frames, then move: strongly dependent counts.
        var truth = Enumerable.Range(0, 400).Select(_ => (IReadOnlyList<TruthBox>)[]).ToList();
        var run = Enumerable.Range(0, 400)
            .Select(i => (IReadOnlyList<Detection>)[.. Enumerable.Range(0, (i / 20) % 3).Select(k => new Detection(k * 50, 0, (k * 50) + 10, 10, 0.5f, 0))])
            .ToList();
        var load = run.Select(r => (double)r.Count).ToArray();

        var units = Units(truth, new BootstrapOptions(BlockSeconds: null), run);

        Assert.Equal(BlockLengthSelector.Select(load), units.BlockLength);
        Assert.True(units.BlockLength > 1, $"block length {units.BlockLength}");
    }

    [Fact]
    public void Unit_weights_draw_frames_in_circular_blocks_then_tracks_with_replacement_and_lane_zero_is_every_unit_once()
    {
        var truth = Enumerable.Range(0, 20).Select(i => (IReadOnlyList<TruthBox>)[Box(0, i % 6)]).ToList();
        var units = Units(truth, new BootstrapOptions(BlockSeconds: 0.3, Units: ResamplingUnit.Tracks));

        var weights = UnitWeights.Draw(units, resamples: 4, seed: 9);

        var resampler = new CircularBlockResampler(20, 3);
        var random = new SplitMix64(9);
        var sequence = new int[20];
        for (var r = 1; r <= 4; r++)
        {
            resampler.Next(ref random, sequence);
            var tracks = new int[6];
            for (var i = 0; i < 6; i++)
            {
                tracks[random.NextBelow(6)]++;
            }

            for (var frame = 0; frame < 20; frame++)
            {
                Assert.Equal(sequence.Count(f => f == frame), Weight(weights, frame, r));
            }

            for (var track = 0; track < 6; track++)
            {
                Assert.Equal(tracks[track], Weight(weights, 20 + track, r));
            }
        }

        Assert.All(Enumerable.Range(0, units.Count), u => Assert.Equal(1f, Weight(weights, u, 0)));
        Assert.Equal(Enumerable.Range(0, units.Count).SelectMany(u => Enumerable.Range(0, 5).Select(r => Weight(weights, u, r))).Max(), weights.Largest);
    }

    [Fact]
    public void Crossed_with_frames_a_tracked_box_has_its_own_cell_weighed_by_its_frame_times_its_track()
    {
        // Track 4 in frames 0 and 1, track 9 in frame 1, a box without a track in frame 2.
        IReadOnlyList<IReadOnlyList<TruthBox>> truth = [[Box(0, 4)], [Box(0, 4), Box(50, 9)], [Box(0, -1)]];
        var units = Units(truth, new BootstrapOptions(BlockSeconds: 0.1, Units: ResamplingUnit.TracksAndFrames));

        var weights = UnitWeights.Draw(units, resamples: 30, seed: 2);

        Assert.True(units.Crossed);
        Assert.Equal((3, 2, 6), (units.Frames, units.Tracks, units.Count));
        Assert.Equal([(0, 0), (1, 0), (1, 1)], Enumerable.Range(3, 3).Select(units.Cell));
        Assert.Equal((3, 4, 5, 2), (units.TruthUnit(0, 0), units.TruthUnit(1, 0), units.TruthUnit(1, 1), units.TruthUnit(2, 0)));
        var resampler = new CircularBlockResampler(3, units.BlockLength);
        var random = new SplitMix64(2);
        var sequence = new int[3];
        for (var r = 1; r <= 30; r++)
        {
            resampler.Next(ref random, sequence);
            var tracks = new float[2];
            for (var i = 0; i < 2; i++)
            {
                tracks[random.NextBelow(2)]++;
            }

            foreach (var cell in new[] { 3, 4, 5 })
            {
                var (frame, track) = units.Cell(cell);
                Assert.Equal(sequence.Count(f => f == frame) * tracks[track], Weight(weights, cell, r));
            }
        }
    }

    private static float Weight(UnitWeights weights, int unit, int lane) => weights.Row(unit, lane, 1, new float[1])[0];
}
