using Harness.Metrics.Bootstrap;
using Harness.Simd;
using Harness.Tests.Simd;

namespace Harness.Tests.Metrics.Bootstrap;

public sealed class PairedBootstrapTests
{
    private static readonly string[] Classes = BootstrapClip.Classes;

    private static IReadOnlyDictionary<string, ChangeInterval> Run(BootstrapClip clip, BootstrapOptions options) =>
        PairedBootstrap.Run(Classes, clip.Truth, clip.TimestampsNs, clip.Baseline, clip.Current, options);

    private static TruthBox Truth(int cls, float x, float y, float w, float h, float? range = null, bool ignore = false) =>
        new(cls, x, y, w, h, RangeMeters: range, Ignore: ignore);

    private static Detection Det(int cls, float x, float y, float w, float h, float score) => new(x, y, x + w, y + h, score, cls);

    [Fact]
    public void The_same_inputs_and_options_give_byte_identical_intervals()
    {
        var clip = BootstrapClip.Create(60, seed: 21);
        var options = new BootstrapOptions(Resamples: 200, Seed: 77);

        var first = Run(clip, options);
        var second = Run(clip, options);

        Assert.Equal(first.Keys, second.Keys);
        foreach (var (name, interval) in first)
        {
            Assert.Equal(Bits(interval), Bits(second[name]));
        }

        Assert.NotEqual(Bits(first["coco/AP"]), Bits(Run(clip, options with { Seed = 78 })["coco/AP"]));
    }

    /// <summary>The scalar references of the agreement test below (frames, tracks, tracks crossed with frames as units), computed once for all its widths.</summary>
    private static readonly Lazy<ScalarRun[]> ScalarReferences = new(() =>
    {
        // 1,100 resamples: two lane chunks, the second (77 lanes) ending in a scalar tail.
        var frames = BootstrapClip.Create(50, seed: 22, maxTruths: 10, maxFalsePositives: 12);
        var tracks = BootstrapClip.CreateTracked(80, seed: 23, maxObjects: 5, backgroundWithObjects: true);
        var options = new BootstrapOptions(Resamples: 1100, Seed: 5, BlockSeconds: 0.5);
        return [.. new[] { (frames, options), (tracks, options), (tracks, options with { Units = ResamplingUnit.TracksAndFrames }) }.Select(run =>
            new ScalarRun(run.Item1, run.Item2, PairedBootstrap.Run(Classes, run.Item1.Truth, run.Item1.TimestampsNs, run.Item1.Units(run.Item2), run.Item1.Baseline, run.Item1.Current, run.Item2, vectorized: false, streaming: null)))];
    });

    /// <summary>
    /// Each forced width runs the bucket scan at that width. Not in Category=simd (the build's reruns with AVX2 or
    /// AVX-512 switched off): the runtime-width kernels it also uses are covered there by WeightKernelsTests, faster.
    /// </summary>
    [Theory]
    [MemberData(nameof(VectorWidths.Supported), MemberType = typeof(VectorWidths))]
    public void The_vector_path_gives_the_same_intervals_as_the_scalar_reference(int width)
    {
        foreach (var (clip, options, scalar) in ScalarReferences.Value)
        {
            IReadOnlyDictionary<string, ChangeInterval> vector;
            using (VectorWidth.Force(width))
            {
                vector = PairedBootstrap.Run(Classes, clip.Truth, clip.TimestampsNs, clip.Units(options), clip.Baseline, clip.Current, options, vectorized: true, streaming: null);
            }

            Assert.Equal(scalar.Keys, vector.Keys);
            foreach (var (name, interval) in scalar)
            {
                Assert.True(Bits(interval).SequenceEqual(Bits(vector[name])), name);
            }
        }
    }

    [Fact]
    public void A_run_compared_with_itself_has_a_zero_interval_because_both_runs_see_the_same_resamples()
    {
        var clip = BootstrapClip.Create(60, seed: 23);

        var intervals = PairedBootstrap.Run(Classes, clip.Truth, clip.TimestampsNs, clip.Current, clip.Current, new BootstrapOptions(Resamples: 100));

        Assert.NotEmpty(intervals);
        Assert.All(intervals.Values, i => Assert.Equal((0.0, 0.0), (i.Low, i.High)));
    }

    [Fact]
    public void Intervals_are_the_percentiles_of_the_per_resample_differences()
    {
        var clip = BootstrapClip.Create(40, seed: 24);
        var options = new BootstrapOptions(Resamples: 50, Seed: 8, BlockSeconds: 1.0, Confidence: 0.9);

        var intervals = Run(clip, options);

        var baseline = PairedBootstrap.Samples(Classes, clip.Truth, clip.TimestampsNs, clip.Baseline, options).Resamples("coco/AP50")!;
        var current = PairedBootstrap.Samples(Classes, clip.Truth, clip.TimestampsNs, clip.Current, options).Resamples("coco/AP50")!;
        var differences = current.Zip(baseline, (c, b) => c - b).Order().ToArray();
        Assert.Equal(TypeSevenQuantile.Of(differences, 0.05), intervals["coco/AP50"].Low);
        Assert.Equal(TypeSevenQuantile.Of(differences, 0.95), intervals["coco/AP50"].High);
        Assert.True(intervals["coco/AP50"].Low < intervals["coco/AP50"].High);
    }

    [Fact]
    public void Confidence_one_spans_the_extreme_differences_and_zero_is_the_median()
    {
        var clip = BootstrapClip.Create(40, seed: 25);
        var options = new BootstrapOptions(Resamples: 31, Seed: 2, BlockSeconds: 1.0);
        var baseline = PairedBootstrap.Samples(Classes, clip.Truth, clip.TimestampsNs, clip.Baseline, options).Resamples("recall@0.5")!;
        var current = PairedBootstrap.Samples(Classes, clip.Truth, clip.TimestampsNs, clip.Current, options).Resamples("recall@0.5")!;
        var differences = current.Zip(baseline, (c, b) => c - b).Order().ToArray();

        var full = Run(clip, options with { Confidence = 1 })["recall@0.5"];
        var none = Run(clip, options with { Confidence = 0 })["recall@0.5"];

        Assert.Equal((differences[0], differences[^1]), (full.Low, full.High));
        Assert.Equal((differences[15], differences[15]), (none.Low, none.High));
    }

    [Fact]
    public void Zero_resamples_give_the_full_sample_change_as_both_ends()
    {
        var clip = BootstrapClip.Create(30, seed: 26);

        var intervals = Run(clip, new BootstrapOptions(Resamples: 0));

        Assert.NotEmpty(intervals);
        Assert.All(intervals.Values, i => Assert.Equal((i.Current - i.Baseline, i.Current - i.Baseline), (i.Low, i.High)));
        Assert.Contains(intervals.Values, i => i.Current != i.Baseline);
    }

    [Fact]
    public void A_one_frame_clip_resamples_that_frame_every_time()
    {
        var clip = BootstrapClip.Create(1, seed: 27, maxTruths: 0);
        clip = clip with { Truth = [[Truth(0, 10, 10, 50, 50)]], Baseline = [[Det(0, 10, 10, 50, 50, 0.9f), Det(0, 300, 300, 20, 20, 0.8f)]], Current = [[Det(0, 12, 10, 50, 50, 0.9f)]] };

        var intervals = Run(clip, new BootstrapOptions(Resamples: 20));

        var precision = intervals["precision@0.5/car"];
        Assert.Equal((0.5, 1.0), (precision.Baseline, precision.Current));
        Assert.Equal((0.5, 0.5), (precision.Low, precision.High));
    }

    [Fact]
    public void A_metric_undefined_in_some_resamples_is_taken_over_the_others()
    {
        // Cyclists appear only in frame 0 of 20; with one-frame blocks many resamples draw no cyclist at all.
        var truth = new List<IReadOnlyList<TruthBox>>();
        var baseline = new List<IReadOnlyList<Detection>>();
        var current = new List<IReadOnlyList<Detection>>();
        for (var i = 0; i < 20; i++)
        {
            truth.Add(i == 0 ? [Truth(2, 0, 0, 40, 40), Truth(0, 100, 100, 40, 40)] : [Truth(0, 100, 100, 40, 40)]);
            baseline.Add(i == 0 ? [Det(2, 0, 0, 40, 40, 0.9f), Det(0, 100, 100, 40, 40, 0.5f + (i / 100f))] : [Det(0, 100, 100, 40, 40, 0.5f + (i / 100f))]);
            current.Add(i % 3 == 0 ? [] : [Det(0, 100, 100, 40, 40, 0.5f + (i / 100f))]);
        }

        long[] timestamps = [.. Enumerable.Range(0, 20).Select(i => i * 2_000_000_000L)];
        var options = new BootstrapOptions(Resamples: 200, Seed: 4, BlockSeconds: 1.0);

        var intervals = PairedBootstrap.Run(Classes, truth, timestamps, baseline, current, options);
        var cyclistRecall = PairedBootstrap.Samples(Classes, truth, timestamps, current, options).Resamples("recall@0.5/cyclist")!;

        Assert.Contains(cyclistRecall, double.IsNaN);
        Assert.Contains(cyclistRecall, v => !double.IsNaN(v));
        var interval = intervals["recall@0.5/cyclist"];
        Assert.Equal((1.0, 0.0, -1.0, -1.0), (interval.Baseline, interval.Current, interval.Low, interval.High));

        // The current run never detects a cyclist: its precision is undefined in the full sample, so there is no interval.
        Assert.DoesNotContain("precision@0.5/cyclist", intervals.Keys);
        Assert.DoesNotContain("precision@0.5/pedestrian", intervals.Keys);
    }

    [Fact]
    public void Support_counts_what_each_metric_is_computed_over_in_the_current_run()
    {
        IReadOnlyList<IReadOnlyList<TruthBox>> truth =
        [
            [Truth(0, 0, 0, 10, 10, range: 20), Truth(0, 200, 0, 100, 100), Truth(1, 400, 0, 50, 50), Truth(0, 600, 0, 80, 80, ignore: true)],
            [Truth(0, 0, 0, 40, 40, range: 45)],
        ];
        IReadOnlyList<IReadOnlyList<Detection>> detections =
        [
            [Det(0, 0, 0, 10, 10, 0.9f), Det(1, 400, 0, 50, 50, 0.8f)],
            [Det(0, 0, 0, 40, 40, 0.7f), Det(2, 300, 300, 20, 20, 0.6f)],
        ];

        var intervals = PairedBootstrap.Run(Classes, truth, [0, 100_000_000], detections, detections, new BootstrapOptions(Resamples: 5));

        // Non-ignored truths: car 10x10 (small), 100x100 (large), 40x40 (medium); pedestrian 50x50 (medium).
        Assert.Equal(4, intervals["coco/AP"].Support);
        Assert.Equal(4, intervals["coco/AR1"].Support);
        Assert.Equal(1, intervals["coco/AP_small"].Support);
        Assert.Equal(2, intervals["coco/AR_medium"].Support);
        Assert.Equal(1, intervals["coco/AP_large"].Support);
        Assert.Equal(3, intervals["coco/AP/car"].Support);
        Assert.Equal(1, intervals["coco/AP50/pedestrian"].Support);
        Assert.Equal(4, intervals["precision@0.5"].Support);
        Assert.Equal(3, intervals["f1@0.5/car"].Support);
        Assert.Equal(1, intervals["recall@0.5/car/range:0-30m"].Support);
        Assert.Equal(1, intervals["recall@0.5/car/range:30-50m"].Support);
        Assert.Equal(2, intervals["recall@0.5/car/size:medium"].Support + intervals["recall@0.5/car/size:small"].Support);
        Assert.Equal(2, intervals["fp_per_frame"].Support);
        Assert.DoesNotContain("coco/AP/cyclist", intervals.Keys);
    }

    [Fact]
    public void An_empty_clip_has_no_intervals()
    {
        var intervals = PairedBootstrap.Run(Classes, [], [], [], [], new BootstrapOptions(Resamples: 10));

        Assert.Empty(intervals);
    }

    [Fact]
    public void Frame_lists_of_different_lengths_are_rejected()
    {
        var clip = BootstrapClip.Create(5, seed: 28);

        Assert.Throws<ArgumentException>(() =>
            PairedBootstrap.Run(Classes, clip.Truth, clip.TimestampsNs, clip.Baseline, clip.Current.Take(4).ToArray(), new BootstrapOptions()));
        Assert.Throws<ArgumentException>(() =>
            PairedBootstrap.Run(Classes, clip.Truth, clip.TimestampsNs.Take(3).ToArray(), clip.Baseline, clip.Current, new BootstrapOptions()));
    }

    [Theory]
    [InlineData(-1, 1.0, 0.95)]
    [InlineData(10, 0.0, 0.95)]
    [InlineData(10, double.NaN, 0.95)]
    [InlineData(10, 1.0, 1.01)]
    [InlineData(10, 1.0, -0.01)]
    public void Options_out_of_range_are_rejected(int resamples, double blockSeconds, double confidence)
    {
        var clip = BootstrapClip.Create(5, seed: 29);

        Assert.Throws<ArgumentOutOfRangeException>(() => Run(clip, new BootstrapOptions(resamples, 1, blockSeconds, confidence)));
    }

    private static long[] Bits(ChangeInterval i) =>
        [BitConverter.DoubleToInt64Bits(i.Baseline), BitConverter.DoubleToInt64Bits(i.Current), BitConverter.DoubleToInt64Bits(i.Low),
            BitConverter.DoubleToInt64Bits(i.High), i.Support];

    private sealed record ScalarRun(BootstrapClip Clip, BootstrapOptions Options, IReadOnlyDictionary<string, ChangeInterval> Intervals);
}
