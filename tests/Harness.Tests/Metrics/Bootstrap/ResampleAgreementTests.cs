using Harness.Metrics.Bootstrap;

namespace Harness.Tests.Metrics.Bootstrap;

public sealed class ResampleAgreementTests
{
    [Theory]
    [InlineData(11, 12, 0.3)]
    [InlineData(12, 12, 0.1)]
    [InlineData(13, 30, 0.5)]
    [InlineData(14, 9, 2.0)]
    public void Each_resample_equals_MetricsAccumulator_fed_the_drawn_frames_in_drawn_order(int seed, int frames, double blockSeconds)
    {
        // Up to 30 detections per frame: some images and classes exceed maxDets 10, so AR1 and AR10 cut by rank.
        var clip = BootstrapClip.Create(frames, seed, maxTruths: 10, maxFalsePositives: 12);
        var options = new BootstrapOptions(Resamples: 6, Seed: (ulong)(seed * 7919), BlockSeconds: blockSeconds);

        var samples = PairedBootstrap.Samples(BootstrapClip.Classes, clip.Truth, clip.TimestampsNs, clip.Current, options);

        var resampler = new MovingBlockResampler(frames, PairedBootstrap.BlockLength(clip.TimestampsNs, options), options.Seed);
        var sequence = new int[frames];
        for (var r = 0; r < options.Resamples; r++)
        {
            resampler.Next(sequence);
            var expected = BootstrapClip.Accumulate(clip.Truth, clip.Current, sequence);
            for (var m = 0; m < samples.Layout.Count; m++)
            {
                var name = samples.Layout.Names[m];
                var value = samples.Values(m)[r + 1];
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
}
