using Harness.Metrics;
using Harness.Metrics.Bootstrap;

namespace Harness.Tests.Metrics.Bootstrap;

public sealed class PairedBootstrapExactnessTests
{
    [Theory]
    [InlineData(1, 40)]
    [InlineData(2, 60)]
    [InlineData(3, 25)]
    [InlineData(4, 80)]
    public void Full_sample_values_equal_MetricsAccumulator_bit_for_bit_with_the_same_keys(int seed, int frames)
    {
        var clip = BootstrapClip.Create(frames, seed, maxTruths: 8, maxFalsePositives: 10);

        var intervals = PairedBootstrap.Run(BootstrapClip.Classes, clip.Truth, clip.TimestampsNs, clip.Baseline, clip.Current,
            new BootstrapOptions(Resamples: 20, Seed: (ulong)seed));

        var order = Enumerable.Range(0, frames).ToArray();
        var baseline = NonTiming(BootstrapClip.Accumulate(clip.Truth, clip.Baseline, order));
        var current = NonTiming(BootstrapClip.Accumulate(clip.Truth, clip.Current, order));
        var both = baseline.Keys.Intersect(current.Keys).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(both, intervals.Keys.ToArray());
        foreach (var name in both)
        {
            Assert.True(current[name] == intervals[name].Current, $"{name}: current {current[name]:R} != {intervals[name].Current:R}");
            Assert.True(baseline[name] == intervals[name].Baseline, $"{name}: baseline {baseline[name]:R} != {intervals[name].Baseline:R}");
        }
    }

    [Theory]
    [InlineData(5, 80, 3)]
    [InlineData(6, 150, 6)]
    public void With_tracks_as_units_full_sample_values_still_equal_MetricsAccumulator_bit_for_bit(int seed, int frames, int objects)
    {
        var clip = BootstrapClip.CreateTracked(frames, seed, objects, backgroundWithObjects: true);

        var intervals = PairedBootstrap.Run(BootstrapClip.Classes, clip.Truth, clip.TimestampsNs, clip.Baseline, clip.Current,
            new BootstrapOptions(Resamples: 20, Seed: (ulong)seed));

        var order = Enumerable.Range(0, frames).ToArray();
        var current = NonTiming(BootstrapClip.Accumulate(clip.Truth, clip.Current, order));
        var baseline = NonTiming(BootstrapClip.Accumulate(clip.Truth, clip.Baseline, order));
        Assert.Equal(baseline.Keys.Intersect(current.Keys).Order(StringComparer.Ordinal), intervals.Keys);
        Assert.All(intervals, pair => Assert.True(current[pair.Key] == pair.Value.Current && baseline[pair.Key] == pair.Value.Baseline, pair.Key));
        Assert.Contains(intervals.Values, i => i.Low < i.High);
    }

    [Fact]
    public void Every_non_timing_metric_the_accumulator_produces_has_an_interval()
    {
        var clip = BootstrapClip.Create(50, seed: 9, maxTruths: 10);

        var samples = PairedBootstrap.Samples(BootstrapClip.Classes, clip.Truth, clip.TimestampsNs, clip.Current, new BootstrapOptions(Resamples: 0));

        var expected = NonTiming(BootstrapClip.Accumulate(clip.Truth, clip.Current, Enumerable.Range(0, 50)));
        var defined = Enumerable.Range(0, samples.Layout.Count).Where(m => !double.IsNaN(samples.Values(m)[0]))
            .Select(m => samples.Layout.Names[m]).Order(StringComparer.Ordinal);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), defined);
        Assert.Contains("recall@0.5/car/kitti:hard", expected.Keys);
        Assert.Contains("coco/AP_large", expected.Keys);
    }

    private static Dictionary<string, double> NonTiming(IReadOnlyDictionary<string, double> values) =>
        values.Where(pair => !MetricNames.IsTiming(pair.Key)).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
}
