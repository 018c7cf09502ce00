using Harness.Metrics;
using Harness.Metrics.Bootstrap;
using Harness.Metrics.Families.Stability;
using Harness.TestKit;
using Harness.Tests.Metrics.Bootstrap;
using Harness.Tests.Testing;

namespace Harness.Tests.Metrics.Families;

/// <summary>
/// Flicker, class switches, jitter and frames to first detection on tracks counted by hand, the walk's rules at a gap
/// in a track, and the bootstrap's full sample reproducing the accumulator.
/// </summary>
[ReferenceTestOf(typeof(StabilityFamily))]
public sealed class StabilityFamilyTests
{
    private static readonly string[] Classes = ["car", "pedestrian"];

    /// <summary>
    /// Car track 7 moves 10 px right a frame over frames 0-4: missed, found, missed, found 2 px right of its truth,
    /// found 4 px right. Pedestrian track 8 over frames 0-2: found, then only a car box on it (a miss, and associated
    /// with class car), then found. An untracked car and an ignore region are never counted.
    /// - flicker: the car at frame 2 (found at 1 and 3) and the pedestrian at frame 1: car 1 of 5 object-frames = 200
    ///   per 1,000, pedestrian 1 of 3 = 333.3, pooled 2 of 8 = 250;
    /// - class switches: pedestrian to car at frame 1 and back at frame 2: 2 of 3 = 666.7, car none, pooled 2 of 8 = 250;
    /// - jitter: the car's frames 3-4 (both found): its left and right edges moved 12 px against the truth's 10, top and
    ///   bottom as the truth: (2 + 0 + 2 + 0) / 4 = 1 px; frames 0-1 and 1-2 and 2-3 are not both found;
    /// - frames to detect: car 1 (first seen at 0, found at 1), pedestrian 0, pooled 0.5.
    /// </summary>
    [Fact]
    public void Each_metric_counts_what_it_says_on_tracks_counted_by_hand()
    {
        TruthBox Car(int f) => new(0, 10 * f, 0, 40, 40, TrackId: 7);
        var pedestrian = new TruthBox(1, 200, 0, 20, 40, TrackId: 8);
        var untracked = new TruthBox(0, 300, 0, 40, 40);
        var ignore = new TruthBox(0, 400, 0, 40, 40, TrackId: 9, Ignore: true);
        static Detection On(TruthBox t, int classId, float dx = 0) => new(t.X + dx, t.Y, t.X + t.Width + dx, t.Y + t.Height, 0.9f, classId);
        TruthBox[][] truth =
        [
            [Car(0), pedestrian, untracked, ignore],
            [Car(1), pedestrian, untracked],
            [Car(2), pedestrian],
            [Car(3)],
            [Car(4)],
        ];
        Detection[][] detections =
        [
            [On(pedestrian, 1)],
            [On(Car(1), 0), On(pedestrian, 0)],
            [On(pedestrian, 1)],
            [On(Car(3), 0, dx: 2)],
            [On(Car(4), 0, dx: 4)],
        ];

        var metrics = FamilyMetrics.Of(Classes, truth, detections);

        Assert.Equal(200, metrics["flicker/car"]);
        Assert.Equal(1000.0 / 3, metrics["flicker/pedestrian"]);
        Assert.Equal(250, metrics["flicker"]);
        Assert.Equal(0, metrics["class_switches/car"]);
        Assert.Equal(2000.0 / 3, metrics["class_switches/pedestrian"]);
        Assert.Equal(250, metrics["class_switches"]);
        Assert.Equal(1, metrics["jitter_px/car"]);
        Assert.False(metrics.ContainsKey("jitter_px/pedestrian"));
        Assert.Equal(1, metrics["jitter_px"]);
        Assert.Equal(1, metrics["frames_to_detect/car"]);
        Assert.Equal(0, metrics["frames_to_detect/pedestrian"]);
        Assert.Equal(0.5, metrics["frames_to_detect"]);
    }

    /// <summary>A track absent from a frame breaks its run: found, absent, missed, found is no flicker, and found, absent, found no jitter pair.</summary>
    [Fact]
    public void A_gap_in_a_track_is_neither_a_flicker_nor_a_jitter_pair()
    {
        var car = new TruthBox(0, 0, 0, 40, 40, TrackId: 3);
        var found = new Detection(0, 0, 40, 40, 0.9f, 0);
        var shifted = new Detection(5, 0, 45, 40, 0.9f, 0);

        var metrics = FamilyMetrics.Of(Classes, [[car], [], [car], [car], [], [car]], [[found], [], [], [found], [], [shifted]]);

        Assert.Equal(0, metrics["flicker"]);
        Assert.False(metrics.ContainsKey("jitter_px"));
        Assert.Equal(0, metrics["frames_to_detect"]);
        Assert.Equal(0, metrics["class_switches"]);
    }

    [Fact]
    public void Truth_without_track_ids_has_no_stability_metrics()
    {
        var metrics = FamilyMetrics.Of(Classes, [[new TruthBox(0, 0, 0, 40, 40)]], [[new Detection(0, 0, 40, 40, 0.9f, 0)]]);

        Assert.DoesNotContain(metrics.Keys, k => k.Split('/')[0] is "flicker" or "class_switches" or "jitter_px" or "frames_to_detect");
    }

    [Fact]
    public void The_bootstraps_full_sample_is_the_accumulators_value_bit_for_bit()
    {
        var clip = BootstrapClip.CreateTracked(frames: 120, seed: 11, maxObjects: 4, backgroundWithObjects: true);
        var accumulator = new MetricsAccumulator(new MetricsOptions(BootstrapClip.Classes));
        for (var f = 0; f < clip.Truth.Count; f++)
        {
            accumulator.Add(clip.Truth[f], clip.Current[f]);
        }

        var expected = accumulator.Complete("s", "c", "m", "d").Metrics;
        var samples = PairedBootstrap.Samples(BootstrapClip.Classes, clip.Truth, clip.TimestampsNs, clip.Current, new BootstrapOptions(Resamples: 3, Seed: 2));

        var names = new StabilityFamily().Names(BootstrapClip.Classes).ToList();
        Assert.Contains(names, expected.ContainsKey);
        foreach (var name in names)
        {
            var slot = samples.Layout.Names.ToList().IndexOf(name);
            Assert.Equal(expected.GetValueOrDefault(name, double.NaN), samples.Values(slot)[0]);
        }
    }

    /// <summary>The oracle of the scorer's lanes: each event of one unweighted walk counted as often as its truth box's unit was drawn, summed in plain loops.</summary>
    [Theory]
    [InlineData(31, ResamplingUnit.Tracks)]
    [InlineData(32, ResamplingUnit.TracksAndFrames)]
    [InlineData(33, ResamplingUnit.Frames)]
    public void Each_resample_weights_every_event_by_the_draws_of_its_unit(int seed, ResamplingUnit mode)
    {
        var clip = BootstrapClip.CreateTracked(frames: 90, seed, maxObjects: 3, backgroundWithObjects: true);
        var options = new BootstrapOptions(Resamples: 5, Seed: (ulong)seed, BlockSeconds: 0.4, Units: mode);
        var units = PairedBootstrap.Units(BootstrapClip.Classes, clip.Truth, clip.TimestampsNs, [clip.Current], options);
        var weights = UnitWeights.Draw(units, options.Resamples, options.Seed);
        var events = new List<StabilityEvent>();
        var walk = new TrackWalk();
        for (var f = 0; f < clip.Truth.Count; f++)
        {
            walk.Add(clip.Truth[f], clip.Current[f], events);
        }

        var samples = PairedBootstrap.Samples(BootstrapClip.Classes, clip.Truth, clip.TimestampsNs, clip.Current, options);

        for (var lane = 0; lane <= options.Resamples; lane++)
        {
            var sums = new double[BootstrapClip.Classes.Length, StabilityFamily.Counts];
            foreach (var e in events)
            {
                sums[e.ClassId, (int)e.Count] += e.Amount * (double)weights.Row(units.TruthUnit(e.Frame, e.Truth), lane, 1, new float[1])[0];
            }

            var pooled = StabilityFamily.Values(count => Enumerable.Range(0, BootstrapClip.Classes.Length).Sum(c => sums[c, (int)count]));
            var car = StabilityFamily.Values(count => sums[0, (int)count]);
            Assert.Equal(pooled.Flicker, Lane(samples, "flicker", lane));
            Assert.Equal(pooled.Jitter, Lane(samples, "jitter_px", lane));
            Assert.Equal(car.ClassSwitches, Lane(samples, "class_switches/" + BootstrapClip.Classes[0], lane));
            Assert.Equal(car.FramesToDetect, Lane(samples, "frames_to_detect/" + BootstrapClip.Classes[0], lane));
        }
    }

    private static double Lane(MetricSamples samples, string name, int lane) => samples.Values(samples.Layout.Names.ToList().IndexOf(name))[lane];

    [Fact]
    public void More_flicker_shows_as_an_increase_whose_interval_excludes_zero()
    {
        const int Frames = 120;
        var truth = new List<IReadOnlyList<TruthBox>>();
        var baseline = new List<IReadOnlyList<Detection>>();
        var current = new List<IReadOnlyList<Detection>>();
        for (var f = 0; f < Frames; f++)
        {
            truth.Add([.. Enumerable.Range(0, 30).Select(k => new TruthBox(0, 50 * k, 0, 40, 40, TrackId: k))]);
            baseline.Add([.. Enumerable.Range(0, 30).Select(k => new Detection(50 * k, 0, (50 * k) + 40, 40, 0.9f, 0))]);
            current.Add([.. Enumerable.Range(0, 30).Where(k => (f + k) % 4 != 1).Select(k => new Detection(50 * k, 0, (50 * k) + 40, 40, 0.9f, 0))]);
        }

        var timestamps = Enumerable.Range(0, Frames).Select(f => f * 100_000_000L).ToList();
        var intervals = PairedBootstrap.Run(Classes, truth, timestamps, baseline, current, new BootstrapOptions(Resamples: 200, Seed: 5));

        var flicker = intervals["flicker"];
        Assert.Equal(0, flicker.Baseline);
        Assert.True(flicker.Low > 0, $"{flicker.Low} .. {flicker.High}");
        Assert.False(MetricNames.HigherIsBetter("flicker/car"));
        Assert.Equal((0, double.PositiveInfinity), MetricNames.Range("jitter_px"));
    }
}
