using Harness.Metrics.Bootstrap;

namespace Harness.Tests.Metrics.Bootstrap;

/// <summary>What the bootstrap refuses, with the counts that disagree, and where a clip becomes long enough for intervals.</summary>
public sealed class PairedBootstrapArgumentTests
{
    private static readonly string[] Classes = BootstrapClip.Classes;
    private static readonly BootstrapOptions Options = new(Resamples: 20, Seed: 3);

    [Fact]
    public void Runs_of_another_length_than_the_truth_are_refused_naming_every_count()
    {
        var clip = BootstrapClip.Create(12, seed: 4);

        var error = Assert.Throws<ArgumentException>(() =>
            PairedBootstrap.Run(Classes, clip.Truth, clip.TimestampsNs, clip.Baseline, [.. clip.Current.Take(11)], Options));

        Assert.Equal("Truth, timestamps and both runs must have one entry per frame (12 frames, 12 baseline, 11 current). (Parameter 'current')", error.Message);
    }

    [Fact]
    public void Timestamps_of_another_length_than_the_truth_are_refused_naming_both_counts()
    {
        var clip = BootstrapClip.Create(12, seed: 4);

        var error = Assert.Throws<ArgumentException>(() =>
            PairedBootstrap.Run(Classes, clip.Truth, [.. clip.TimestampsNs.Take(10)], clip.Baseline, clip.Current, Options));

        Assert.Equal("Expected 12 timestamps, got 10. (Parameter 'timestampsNs')", error.Message);
    }

    [Fact]
    public void One_runs_samples_need_one_entry_of_detections_per_frame()
    {
        var clip = BootstrapClip.Create(12, seed: 4);

        var error = Assert.Throws<ArgumentException>(() =>
            PairedBootstrap.Samples(Classes, clip.Truth, clip.TimestampsNs, [.. clip.Current.Skip(1)], Options));
        var missing = Assert.Throws<ArgumentNullException>(() =>
            PairedBootstrap.Samples(Classes, clip.Truth, clip.TimestampsNs, detections: null!, Options));

        Assert.Equal("Expected 12 frames of detections, got 11. (Parameter 'detections')", error.Message);
        Assert.Equal("detections", missing.ParamName);
    }

    [Theory]
    [InlineData(50, true)]
    [InlineData(49, false)]
    [InlineData(51, true)]
    public void A_clip_gets_intervals_from_five_blocks_on(int frames, bool estimable)
    {
        // 10 Hz and one-second blocks: 10 frames a block, so five blocks are 50 frames.
        long[] timestamps = [.. Enumerable.Range(0, frames).Select(i => i * 100_000_000L)];

        var can = PairedBootstrap.CanEstimate(timestamps, new BootstrapOptions(BlockSeconds: 1.0), out var blockLength);

        Assert.Equal((estimable, 10), (can, blockLength));
    }

    [Fact]
    public void Estimability_needs_timestamps_and_options()
    {
        Assert.Equal("timestampsNs", Assert.Throws<ArgumentNullException>(() => PairedBootstrap.CanEstimate(null!, Options, out _)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => PairedBootstrap.CanEstimate([0L], null!, out _)).ParamName);
    }
}
