using Harness.Gate;
using Harness.Metrics;
using Harness.Scenarios;

namespace Harness.Tests.Gate;

public sealed class GateEvidenceBuilderTests
{
    private static readonly string[] Classes = ["car", "pedestrian"];

    private static readonly PostprocessSpec Postprocess = new(ScoreThreshold: 0.25f, IouThreshold: 0.45f, MaxDetections: 300, ClassAgnostic: false);

    [Fact]
    public void Last_digit_noise_on_an_unchanged_pipeline_is_equivalent_and_names_the_platform_difference()
    {
        var (result, baseline) = Runs(d => d with { X1 = MathF.BitIncrement(d.X1), Score = MathF.BitDecrement(d.Score) });

        var evidence = GateEvidenceBuilder.Build(result, Baseline(baseline), baseline, sameInputs: true, ["cpu_model: A -> B", "os: C -> D"], Classes, Postprocess, GateDefaults.BuiltIn);

        Assert.Equal(PipelineAgreement.Equivalent, evidence.Agreement);
        Assert.Contains(evidence.Notes, n => n.StartsWith("equivalent to the baseline: detections differ within tolerance", StringComparison.Ordinal));
        Assert.Contains("platform differs from the baseline's: cpu_model: A -> B; os: C -> D", evidence.Notes);
        Assert.NotEmpty(evidence.Intervals);
        Assert.NotNull(evidence.Flips);
    }

    [Fact]
    public void Moved_detections_on_an_unchanged_pipeline_are_a_pipeline_change_that_lists_the_flips()
    {
        var (result, baseline) = Runs(d => d with { X1 = d.X1 + 30, X2 = d.X2 + 30 });

        var evidence = GateEvidenceBuilder.Build(result, Baseline(baseline), baseline, sameInputs: true, [], Classes, Postprocess, GateDefaults.BuiltIn);

        Assert.Equal(PipelineAgreement.Changed, evidence.Agreement);
        Assert.Equal(2, evidence.Notes.Count);
        Assert.Equal("intervals resample 20 frames in circular blocks of 1", evidence.Notes[0]);
        var note = evidence.Notes[1];
        Assert.StartsWith("same clip, model and settings as the baseline, but the detections changed (frame 0:", note, StringComparison.Ordinal);
        Assert.EndsWith(evidence.Flips!.Describe(), note, StringComparison.Ordinal);
    }

    [Fact]
    public void Borderline_detection_that_vanishes_on_an_unchanged_pipeline_is_judged_at_the_scenario_thresholds()
    {
        // Frame 0's pedestrian sits just above a 0.7 score threshold: at this scenario's operating point it is borderline.
        var (result, baseline) = Runs(d => d);
        var current = result.ScoredFrames.Select((f, i) => i == 0 ? f with { Detections = [f.Detections[0]] } : f).ToList();
        var borderline = new PostprocessSpec(ScoreThreshold: 0.69995f, IouThreshold: 0.45f, MaxDetections: 300, ClassAgnostic: false);

        var atScenarioThreshold = GateEvidenceBuilder.Build(result with { ScoredFrames = current }, Baseline(baseline), baseline, sameInputs: true, [], Classes, borderline, GateDefaults.BuiltIn);
        var atDefaultThreshold = GateEvidenceBuilder.Build(result with { ScoredFrames = current }, Baseline(baseline), baseline, sameInputs: true, [], Classes, Postprocess, GateDefaults.BuiltIn);

        Assert.Equal(PipelineAgreement.Equivalent, atScenarioThreshold.Agreement);
        Assert.Contains(atScenarioThreshold.Notes, n => n.Contains("1 borderline detections appeared or vanished", StringComparison.Ordinal));
        Assert.Equal(PipelineAgreement.Changed, atDefaultThreshold.Agreement);
    }

    [Fact]
    public void Identical_detections_on_an_unchanged_pipeline_add_no_note()
    {
        var (result, baseline) = Runs(d => d);

        var evidence = GateEvidenceBuilder.Build(result, Baseline(baseline), baseline, sameInputs: true, [], Classes, Postprocess, GateDefaults.BuiltIn);

        Assert.Equal(PipelineAgreement.Identical, evidence.Agreement);
        Assert.Equal(["intervals resample 20 frames in circular blocks of 1"], evidence.Notes);
    }

    [Fact]
    public void Changed_model_or_settings_are_not_judged_for_agreement_but_get_intervals()
    {
        var (result, baseline) = Runs(d => d with { X1 = d.X1 + 30 });

        var evidence = GateEvidenceBuilder.Build(result, Baseline(baseline), baseline, sameInputs: false, [], Classes, Postprocess, GateDefaults.BuiltIn);

        Assert.Equal(PipelineAgreement.NotApplicable, evidence.Agreement);
        Assert.Contains("coco/AP", evidence.Intervals.Keys);
    }

    [Fact]
    public void Baseline_without_snapshot_is_compared_on_point_values_and_says_so()
    {
        var (result, _) = Runs(d => d);

        var evidence = GateEvidenceBuilder.Build(result, Baseline([]), null, sameInputs: true, [], Classes, Postprocess, GateDefaults.BuiltIn);

        Assert.Empty(evidence.Intervals);
        Assert.Null(evidence.Flips);
        Assert.Equal(PipelineAgreement.NotApplicable, evidence.Agreement);
        Assert.StartsWith("the baseline has no detection snapshot", Assert.Single(evidence.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void Another_clip_cannot_be_paired()
    {
        var (result, baseline) = Runs(d => d);

        var evidence = GateEvidenceBuilder.Build(result, Baseline(baseline) with { ClipSha256 = "other" }, baseline, sameInputs: false, [], Classes, Postprocess, GateDefaults.BuiltIn);

        Assert.Empty(evidence.Intervals);
        Assert.StartsWith("the clip differs from the baseline's (20 frames then, 20 now)", Assert.Single(evidence.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void Another_frame_count_cannot_be_paired()
    {
        var (result, baseline) = Runs(d => d);

        var evidence = GateEvidenceBuilder.Build(result, Baseline(baseline), baseline.Take(2).ToList(), sameInputs: false, [], Classes, Postprocess, GateDefaults.BuiltIn);

        Assert.Empty(evidence.Intervals);
        Assert.StartsWith("the clip differs from the baseline's (2 frames then, 20 now)", Assert.Single(evidence.Notes), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(19, false)]
    [InlineData(20, true)]
    public void Clip_of_fewer_than_twenty_independent_units_gets_values_and_support_but_no_spread(int count, bool spread)
    {
        var (result, baseline) = Runs(d => d with { X1 = d.X1 + 30 }, count);

        var evidence = GateEvidenceBuilder.Build(result, Baseline(baseline), baseline, sameInputs: false, [], Classes, Postprocess, GateDefaults.BuiltIn);

        var ap = evidence.Intervals["coco/AP"];
        Assert.Equal(spread, ap.HasSpread);
        Assert.Equal(2 * count, ap.Support);
        Assert.NotEqual(ap.Baseline, ap.Current);
        Assert.NotNull(evidence.Flips);
        if (!spread)
        {
            Assert.Equal("the clip has too few independent units for intervals (0 tracks and 19 blocks of 1 frames, fewer than 20): metrics are compared on point values",
                Assert.Single(evidence.Notes));
        }
        else
        {
            Assert.Equal(["intervals resample 20 frames in circular blocks of 1"], evidence.Notes);
        }
    }

    /// <summary>
    /// Frames of two objects each without track ids (so frames are the units, and with as many boxes in every frame the
    /// data-driven block is one frame: twenty frames are the fewest that get intervals); the current run is the
    /// baseline's detections passed through <paramref name="change"/>.
    /// </summary>
    private static (ScenarioResult Result, IReadOnlyList<IReadOnlyList<Detection>> Baseline) Runs(Func<Detection, Detection> change, int count = 20)
    {
        var frames = new List<ScoredFrame>();
        var baseline = new List<IReadOnlyList<Detection>>();
        for (var f = 0; f < count; f++)
        {
            TruthBox[] truth = [new(0, 10 + f, 20, 100, 60), new(1, 300, 40 + f, 30, 80)];
            Detection[] before = [new(10 + f, 20, 110, 80, 0.9f - (f * 0.01f), 0), new(300, 40 + f, 330, 120 + f, 0.7f, 1)];
            baseline.Add(before);
            frames.Add(new ScoredFrame(f, f * 1_000_000_000L, truth, [.. before.Select(change)]));
        }

        var accumulator = new MetricsAccumulator(new MetricsOptions(Classes));
        foreach (var frame in frames)
        {
            accumulator.Add(frame.Truth, frame.Detections);
        }

        var result = new ScenarioResult("s", accumulator.Complete("s", "clip", "model", "digest").Metrics, "clip", "model", "d", frames.Count) { ScoredFrames = frames };
        return (result, baseline);
    }

    private static BaselineSnapshot Baseline(IReadOnlyList<IReadOnlyList<Detection>> detections) =>
        new("s", "clip", "model", "d", detections.Count, new Dictionary<string, double>());
}
