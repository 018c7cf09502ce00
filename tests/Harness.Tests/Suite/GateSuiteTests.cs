using System.Text.Json.Nodes;
using Harness.Clips.Images;
using Harness.Gate;
using Harness.Metrics;
using Harness.Reporting;
using Harness.Results;
using Harness.Scenarios;
using Harness.Suite;
using Harness.TestKit;
using Harness.Testing;
using Harness.Tests.Testing;

namespace Harness.Tests.Suite;

/// <summary>The received/verified life cycle of a real (two-frame) replay, end to end through the suite.</summary>
public sealed class GateSuiteTests : IDisposable
{
    private readonly TemporaryDirectory temp = new("suite-");

    public GateSuiteTests()
    {
        Directory.CreateDirectory(temp.Combine("scenarios"));
        WriteScenario("tiny", "");
    }

    private string Baselines => temp.Combine("baselines");

    [Fact]
    public void Missing_baseline_is_proposed_locally_fails_in_ci_and_passes_once_accepted()
    {
        var local = Run(isCi: false);
        Assert.True(local.Verdict.BaselineMissing);
        Assert.False(local.Verdict.Failed);
        Assert.True(File.Exists(Path.Combine(Baselines, "tiny.received.json")));
        Assert.True(Run(isCi: true).Verdict.Failed);

        Assert.True(new BaselineStore(Baselines).Accept("tiny"));
        var accepted = Run(isCi: true);

        Assert.False(accepted.Verdict.Failed, VerdictTable.Format(accepted.Verdict));
        Assert.All(accepted.Verdict.Metrics, m => Assert.Contains(m.Outcome, new[] { MetricOutcome.Pass, MetricOutcome.LowSupport }));
        Assert.False(File.Exists(Path.Combine(Baselines, "tiny.received.json")));
    }

    /// <summary>
    /// Changed behaviour: a gated metric over too few objects passed as "low support" (a sure drop of 0.10 exited 0,
    /// with --strict too). Two frames cannot resolve a change of coco/AP: with a baseline that records its supports, the
    /// scenario is an error before it replays; the first run, without one, finds it after.
    /// </summary>
    [Fact]
    public void A_gate_the_clip_cannot_resolve_is_an_error_at_load_not_a_pass()
    {
        Run(isCi: false);
        new BaselineStore(Baselines).Accept("tiny");
        File.AppendAllText(temp.Combine("scenarios", "tiny.yaml"), "  - metric: coco/AP50\n    max_drop: 0.05\n");

        var report = Run(isCi: true);

        Assert.Null(report.Result);
        Assert.Equal("error", report.Verdict.Summary);
        Assert.Contains("gates this clip cannot resolve: coco/AP50: computed over", report.Verdict.Error, StringComparison.Ordinal);
        Assert.Contains("fewer than min_support 30", report.Verdict.Error, StringComparison.Ordinal);
        Assert.Contains("lengthen the clip or widen the allowance", report.Verdict.Error, StringComparison.Ordinal);
        Assert.Equal(SuiteReport.ExitInputError, new SuiteReport([report], RunKind.PullRequest, IsCi: true).ExitCode);
    }

    [Fact]
    public void Without_a_baseline_the_first_run_finds_the_gate_it_cannot_resolve()
    {
        File.AppendAllText(temp.Combine("scenarios", "tiny.yaml"), "  - metric: coco/AP50\n    max_drop: 0.05\n");

        var report = Run(isCi: false);

        Assert.NotNull(report.Result);
        Assert.Equal("error", report.Verdict.Summary);
        Assert.Contains("gates this clip cannot resolve: coco/AP50", report.Verdict.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Detection_snapshot_follows_the_json_from_received_to_verified()
    {
        Run(isCi: false);
        Assert.True(File.Exists(Path.Combine(Baselines, "tiny.detections.received.bin")));

        new BaselineStore(Baselines).Accept("tiny");
        var accepted = Run(isCi: true);

        Assert.Equal(["tiny.detections.verified.bin", "tiny.verified.json"], BaselineFiles());
        Assert.All(accepted.Result!.ReviewFrames, f => Assert.False(f.ChangedFromBaseline));
    }

    /// <summary>Changed behaviour: a deleted detection snapshot used to downgrade the gate to point values with only a note, under CI too.</summary>
    [Fact]
    public void Removing_the_detection_snapshot_fails_in_ci_naming_the_file_and_warns_locally()
    {
        Run(isCi: false);
        new BaselineStore(Baselines).Accept("tiny");
        var bin = Path.Combine(Baselines, "tiny.detections.verified.bin");
        File.Delete(bin);

        var ci = Run(isCi: true);
        var local = Run(isCi: false);

        Assert.True(ci.Verdict.Failed);
        Assert.Equal("error", ci.Verdict.Summary);
        Assert.Contains(bin + " is missing", ci.Verdict.Error, StringComparison.Ordinal);
        Assert.False(local.Verdict.Failed, VerdictTable.Format(local.Verdict));
        Assert.Contains(local.Verdict.Notes, n => n.StartsWith("warning: " + bin + " is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Another_scenario_s_detection_snapshot_in_its_place_fails_in_ci()
    {
        Run(isCi: false);
        new BaselineStore(Baselines).Accept("tiny");
        WriteScenario("other", "", model: "reference://detector-v1-degraded");
        GateSuite.RunOne(ScenarioLoader.LoadFile(temp.Combine("scenarios", "other.yaml")), Options(isCi: false));
        new BaselineStore(Baselines).Accept("other");
        File.Copy(Path.Combine(Baselines, "other.detections.verified.bin"), Path.Combine(Baselines, "tiny.detections.verified.bin"), overwrite: true);

        var ci = Run(isCi: true);

        Assert.Equal("error", ci.Verdict.Summary);
        Assert.Contains("tiny.detections.verified.bin holds detections with digest", ci.Verdict.Error, StringComparison.Ordinal);
        Assert.Contains("that tiny.verified.json records", ci.Verdict.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_frames_are_those_whose_detections_differ_from_the_stored_snapshot()
    {
        Run(isCi: false);
        var store = new BaselineStore(Baselines);
        store.Accept("tiny");
        var path = store.VerifiedDetectionsPath("tiny");
        var stored = DetectionSnapshotFormat.Read(path);
        var second = stored.Frames[1];
        var edited = new DetectionSnapshot([stored.Frames[0], second with { Detections = second.Detections.Skip(1).ToList() }]);
        DetectionSnapshotFormat.Write(path, edited);
        var verified = Path.Combine(Baselines, "tiny.verified.json");
        var json = JsonNode.Parse(File.ReadAllText(verified))!;
        json["detections_sha256"] = BaselineStore.DetectionsSha256(edited);
        File.WriteAllText(verified, json.ToJsonString());

        var report = Run(isCi: true);

        var changed = Assert.Single(report.Result!.ReviewFrames, f => f.ChangedFromBaseline);
        Assert.Equal(second.Index, changed.FrameIndex);
        Assert.Equal(second.Detections.Count - 1, changed.BaselineDetections!.Count);
        Assert.NotEmpty(changed.Flips);
        Assert.All(report.Result.ReviewFrames, f => Assert.NotNull(f.Image));
    }

    [Fact]
    public void An_unchanged_pass_keeps_its_review_frames_without_images_unless_asked_to_keep_them()
    {
        var first = Run(isCi: false);
        new BaselineStore(Baselines).Accept("tiny");
        var scenario = ScenarioLoader.LoadFile(temp.Combine("scenarios", "tiny.yaml"));

        var unchanged = GateSuite.RunOne(scenario, Options(isCi: true));
        var always = GateSuite.RunOne(scenario, Options(isCi: true) with { ReviewImages = ReviewImages.Always });

        Assert.True(first.Verdict.BaselineMissing);
        Assert.All(first.Result!.ReviewFrames, f => Assert.NotNull(f.Image));
        Assert.True(ReviewImagePolicy.IsUnchangedPass(unchanged.Verdict), VerdictTable.Format(unchanged.Verdict));
        Assert.Equal(first.Result.ReviewFrames.Select(f => f.FrameIndex), unchanged.Result!.ReviewFrames.Select(f => f.FrameIndex));
        Assert.All(unchanged.Result.ReviewFrames, f => Assert.Null(f.Image));
        Assert.NotEmpty(always.Result!.ReviewFrames);
        Assert.All(always.Result.ReviewFrames, f => Assert.NotNull(f.Image));
    }

    [Fact]
    public void Hand_edited_baseline_fails_with_the_metric_its_value_and_the_measured_one()
    {
        Run(isCi: false);
        new BaselineStore(Baselines).Accept("tiny");
        var verified = Path.Combine(Baselines, "tiny.verified.json");
        var json = JsonNode.Parse(File.ReadAllText(verified))!;
        var measured = json["metrics"]!["coco/AR100"]!.GetValue<double>();
        json["metrics"]!["coco/AR100"] = measured + 0.25;
        File.WriteAllText(verified, json.ToJsonString());

        var report = Run(isCi: true);

        Assert.True(report.Verdict.Failed);
        var row = Assert.Single(report.Verdict.Metrics, m => m.Outcome == MetricOutcome.Regressed);
        Assert.Equal(("coco/AR100", measured + 0.25, measured), (row.Metric, row.Baseline, row.Measured));
        var table = VerdictTable.Format(report.Verdict);
        Assert.Contains("tiny: regressed", table, StringComparison.Ordinal);
        Assert.Contains("coco/AR100", table, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Baselines, "tiny.received.json")));
    }

    [Fact]
    public void Wrong_clip_pin_is_an_input_error_naming_the_scenario_file()
    {
        WriteScenario("tiny", "  sha256: " + new string('0', 64) + "\n");

        var report = Run(isCi: true);

        Assert.NotNull(report.Verdict.Error);
        Assert.Contains("tiny.yaml", report.Verdict.Error, StringComparison.Ordinal);
        Assert.Contains("pins 0000", report.Verdict.Error, StringComparison.Ordinal);
        Assert.Equal(SuiteReport.ExitInputError, new SuiteReport([report], RunKind.PullRequest, IsCi: true).ExitCode);
    }

    [Fact]
    public void Truncated_clip_fails_closed_with_the_clip_named()
    {
        var (generated, _) = Harness.Running.SyntheticClips.Generate("synthetic://urban-day?seed=7&frames=2", RepositoryPaths.Cache);
        var truncated = temp.Combine("scenarios", "truncated.mcap");
        var bytes = File.ReadAllBytes(generated);
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);
        File.WriteAllText(temp.Combine("scenarios", "tiny.yaml"), File.ReadAllText(temp.Combine("scenarios", "tiny.yaml"))
            .Replace("synthetic://urban-day?seed=7&frames=2", "truncated.mcap", StringComparison.Ordinal));

        var report = Run(isCi: true);

        Assert.True(report.Verdict.Failed);
        Assert.Contains("truncated.mcap", report.Verdict.Error, StringComparison.Ordinal);
        Assert.Null(report.Result);
    }

    [Fact]
    public void Scenario_borrowing_a_baseline_never_writes_received_for_it()
    {
        Run(isCi: false);
        new BaselineStore(Baselines).Accept("tiny");
        File.WriteAllText(temp.Combine("scenarios", "borrower.yaml"),
            ScenarioYaml.Create("borrower", model: "reference://detector-v1-degraded", baseline: "tiny", floor: 0.99));

        var report = GateSuite.RunOne(ScenarioLoader.LoadFile(temp.Combine("scenarios", "borrower.yaml")), Options(isCi: true));

        Assert.True(report.Verdict.Failed);
        Assert.Empty(Directory.EnumerateFiles(Baselines, "*.received.json"));
    }

    /// <summary>
    /// Changed behaviour: a COCO clip's pin covered its JSON only, so an image edited after accepting was blamed on the
    /// code ("pipeline changed ... same clip, model and settings"). The pin covers the images it names.
    /// </summary>
    [Fact]
    public void An_edited_image_under_a_coco_clip_is_a_changed_clip_not_a_changed_pipeline()
    {
        var json = RecordedClips.WriteCoco(temp.Combine("scenarios", "coco"), ScenarioYaml.ShortClip, new Dictionary<long, string> { [1] = "car", [2] = "pedestrian", [3] = "cyclist" });
        WriteScenario("tiny", "", clip: json);
        Run(isCi: false);
        new BaselineStore(Baselines).Accept("tiny");
        Assert.Equal(PipelineAgreement.Identical, Run(isCi: true).Verdict.Agreement);
        var image = temp.Combine("scenarios", "coco", "images", "0.png");
        var decoded = ImageDecoder.DecodeRgbFile(image);
        var pixels = decoded.Pixels.ToArray();
        Array.Fill(pixels, (byte)128, 0, pixels.Length / 2);
        File.WriteAllBytes(image, ImageEncoder.EncodePng(CameraImage.Packed(decoded.Width, decoded.Height, PixelFormat.Rgb8, pixels)));

        var edited = Run(isCi: true);

        Assert.Equal(PipelineAgreement.NotApplicable, edited.Verdict.Agreement);
        Assert.Contains(edited.Verdict.Notes, n => n.StartsWith("clip changed: ", StringComparison.Ordinal));
        Assert.DoesNotContain(edited.Verdict.Notes, n => n.Contains("same clip, model and settings", StringComparison.Ordinal));
    }

    [Fact]
    public void Truth_left_out_under_evaluate_mapped_is_named_with_its_count_in_the_verdict()
    {
        var verdict = ScenarioVerdict.ForError("tiny", "x", isCi: false) with { Error = null, Notes = ["first"] };
        var result = new ScenarioResult("tiny", new Dictionary<string, double>(), "c", "m", "d", 3)
        {
            LeftOutLabels = new SortedDictionary<string, long>(StringComparer.Ordinal) { ["Car"] = 1204, ["Misc"] = 1 },
        };

        Assert.Equal(["first", "truth left out of the metrics (model.evaluate: mapped, no class_map key reaches it): 'Car' 1,204 boxes, 'Misc' 1 box"],
            GateSuite.WithLeftOutNote(verdict, result).Notes);
        Assert.Same(verdict, GateSuite.WithLeftOutNote(verdict, result with { LeftOutLabels = new Dictionary<string, long>() }));
    }

    public void Dispose() => temp.Dispose();


    private ResultBundle Run(bool isCi) =>
        GateSuite.RunOne(ScenarioLoader.LoadFile(temp.Combine("scenarios", "tiny.yaml")), Options(isCi));

    private List<string> BaselineFiles() => [.. Directory.EnumerateFiles(Baselines).Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal)];

    private SuiteOptions Options(bool isCi) =>
        new(temp.Combine("scenarios"), Baselines, RepositoryPaths.Cache, null, [], RunKind.PullRequest, isCi) { ResultsDirectory = temp.Combine("results") };

    private void WriteScenario(string id, string clipPin, string? baseline = null, string model = "reference://detector-v1", string clip = ScenarioYaml.ShortClip) =>
        File.WriteAllText(temp.Combine("scenarios", id + ".yaml"), ScenarioYaml.Create(id, clip, model: model, baseline: baseline, clipPin: clipPin));
}
