using Harness.Metrics.Bootstrap;
using Harness.Metrics.Families;
using Harness.Metrics.Families.Stability;

namespace Harness.Tests.Metrics.Bootstrap;

/// <summary>
/// The oracle of the resampling scorers: a resample's metrics equal MetricsAccumulator fed an explicitly resampled
/// clip, frames in drawn order (frames as units), or each frame as often as the unit all its boxes belong to was drawn
/// (tracks as units; crossed with frames, its track's draws times its frame's).
/// </summary>
public sealed class ResampleAgreementTests
{
    [Theory]
    [InlineData(11, 12, 0.3)]
    [InlineData(12, 12, 0.1)]
    [InlineData(13, 30, 0.5)]
    [InlineData(14, 9, 2.0)]
    public void With_frames_as_units_each_resample_equals_MetricsAccumulator_fed_the_drawn_frames_in_drawn_order(int seed, int frames, double blockSeconds)
    {
        // Up to 30 detections per frame: some images and classes exceed maxDets 10, so AR1 and AR10 cut by rank.
        var clip = BootstrapClip.Create(frames, seed, maxTruths: 10, maxFalsePositives: 12);
        var options = new BootstrapOptions(Resamples: 6, Seed: (ulong)(seed * 7919), BlockSeconds: blockSeconds, Units: ResamplingUnit.Frames);

        var samples = PairedBootstrap.Samples(BootstrapClip.Classes, clip.Truth, clip.TimestampsNs, clip.Current, options);

        var resampler = new CircularBlockResampler(frames, CircularBlockResampler.BlockLength(clip.TimestampsNs, blockSeconds));
        var random = new SplitMix64(options.Seed);
        var sequence = new int[frames];
        for (var r = 0; r < options.Resamples; r++)
        {
            resampler.Next(ref random, sequence);
            AssertResample(samples, r, BootstrapClip.Accumulate(clip.Truth, clip.Current, sequence), frameShare: 1);
        }
    }

    [Theory]
    [InlineData(21, 60, ResamplingUnit.Tracks)]
    [InlineData(22, 120, ResamplingUnit.Tracks)]
    [InlineData(23, 45, ResamplingUnit.Tracks)]
    [InlineData(24, 60, ResamplingUnit.TracksAndFrames)]
    [InlineData(25, 90, ResamplingUnit.TracksAndFrames)]
    public void With_tracks_as_units_each_resample_equals_MetricsAccumulator_fed_every_frame_as_often_as_its_unit_was_drawn(int seed, int frames, ResamplingUnit mode)
    {
        var clip = BootstrapClip.CreateTracked(frames, seed, maxObjects: 1, backgroundWithObjects: false);
        var options = new BootstrapOptions(Resamples: 8, Seed: (ulong)seed, BlockSeconds: 0.4, Units: mode);
        var units = PairedBootstrap.Units(BootstrapClip.Classes, clip.Truth, clip.TimestampsNs, [clip.Current], options);
        Assert.True(units.Tracks > 3, $"{units.Tracks} tracks");

        var samples = PairedBootstrap.Samples(BootstrapClip.Classes, clip.Truth, clip.TimestampsNs, clip.Current, options);

        var weights = UnitWeights.Draw(units, options.Resamples, options.Seed);
        for (var r = 0; r < options.Resamples; r++)
        {
            var order = new List<int>();
            for (var f = 0; f < frames; f++)
            {
                var unit = clip.Truth[f].Count > 0 ? units.TruthUnit(f, 0) : f;
                order.AddRange(Enumerable.Repeat(f, (int)weights.Row(unit, r + 1, 1, new float[1])[0]));
            }

            AssertResample(samples, r, BootstrapClip.Accumulate(clip.Truth, clip.Current, order), frameShare: (double)order.Count / frames);
        }
    }

    /// <param name="frameShare">The frames the accumulator was fed over the clip's: it divides false positives by the
    /// former, a resample by the latter (every resample draws the clip's frame count).</param>
    private static void AssertResample(MetricSamples samples, int r, IReadOnlyDictionary<string, double> expected, double frameShare)
    {
        for (var m = 0; m < samples.Layout.Count; m++)
        {
            var name = samples.Layout.Names[m];
            var value = samples.Values(m)[r + 1];

            // Stability metrics count across consecutive frames, which a clip of repeated frames does not have: a
            // resample weights each of their events by its unit instead (StabilityFamilyTests holds them to that).
            if (MetricFamilies.Of(name) is StabilityFamily)
            {
                continue;
            }

            if (name == "fp_per_frame" && expected.TryGetValue(name, out var perFed))
            {
                Assert.Equal(perFed * frameShare, value, 1e-12);
                continue;
            }

            if (expected.TryGetValue(name, out var want))
            {
                Assert.True(want == value, $"resample {r}, {name}: accumulator {want:R}, bootstrap {value:R}");
            }
            else
            {
                Assert.True(double.IsNaN(value), $"resample {r}, {name}: undefined for the accumulator, bootstrap {value:R}");
            }
        }
    }
}
