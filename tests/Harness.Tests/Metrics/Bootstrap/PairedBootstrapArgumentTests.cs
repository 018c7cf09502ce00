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

        Assert.Equal("Truth, timestamps and every run must have one entry per frame (12 frames, a run of 11). (Parameter 'runs')", error.Message);
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

        Assert.Equal("Truth, timestamps and every run must have one entry per frame (12 frames, a run of 11). (Parameter 'runs')", error.Message);
        Assert.Equal("runs", missing.ParamName);
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(199, false)]
    [InlineData(210, true)]
    public void A_clip_of_frames_gets_intervals_from_twenty_whole_blocks_on(int frames, bool estimable)
    {
        // 10 Hz and one-second blocks: 10 frames a block, so twenty blocks are 200 frames.
        var clip = BootstrapClip.Create(frames, seed: 5);
        var units = clip.Units(new BootstrapOptions(BlockSeconds: 1.0, Units: ResamplingUnit.Frames));

        Assert.Equal((estimable, 10), (PairedBootstrap.CanEstimate(units), units.BlockLength));
    }

    [Theory]
    [InlineData(15, 18, false)]
    [InlineData(15, 19, true)]
    public void Tracks_count_as_independent_units_beside_the_blocks_of_frames(int frames, int tracks, bool estimable)
    {
        // One-second blocks of a 15-frame clip: one whole block, plus the tracks.
        var truth = Enumerable.Range(0, frames)
            .Select(f => (IReadOnlyList<TruthBox>)[.. Enumerable.Range(0, tracks).Where(t => t % frames == f || (t + 1) % frames == f)
                .Select(t => new TruthBox(0, t * 20, 0, 10, 10, TrackId: t))])
            .ToList();
        var units = PairedBootstrap.Units(Classes, truth, [.. Enumerable.Range(0, frames).Select(i => i * 100_000_000L)],
            [[.. truth.Select(_ => (IReadOnlyList<Detection>)[])]], new BootstrapOptions(BlockSeconds: 1.0));

        Assert.Equal((tracks, 1), (units.Tracks, units.Frames / units.BlockLength));
        Assert.Equal(estimable, PairedBootstrap.CanEstimate(units));
    }

    [Fact]
    public void Estimability_needs_units()
    {
        Assert.Equal("units", Assert.Throws<ArgumentNullException>(() => PairedBootstrap.CanEstimate(null!)).ParamName);
    }
}
