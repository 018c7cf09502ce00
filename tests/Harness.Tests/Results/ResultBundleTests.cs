using Harness.Clips.Images;
using Harness.Gate;
using Harness.Metrics;
using Harness.Metrics.Coco;
using Harness.Metrics.Flips;
using Harness.Results;
using Harness.Scenarios;
using Harness.TestKit;

namespace Harness.Tests.Results;

/// <summary>
/// A bundle holding every kind of value a report uses (class map, non-finite numbers, flips that point at truth,
/// baseline and current detections, a review image) reads back to the values it was written from, and writing what
/// was read gives the same bytes.
/// </summary>
public sealed class ResultBundleTests : IDisposable
{
    private static readonly TruthBox Person = new(1, 1.5f, 2.25f, 10.1f, 20f, TrackId: 3, Occlusion: 0.25f, RangeMeters: 12.5f);
    private static readonly TruthBox Ignored = new(ClassMap.IgnoreRegion, 50, 60, 5, 5, Ignore: true, Box3D: new Box3D(1, 2, 3, 4, 5, 6, 0.5f));
    private static readonly Detection Found = new(1, 2, 11.1f, 22, 0.9f, 1);
    private static readonly Detection FalsePositive = new(40, 40, 45, 47, 0.3f, 0);
    private static readonly Detection Before = new(1, 2, 11, 21, 0.8f, 1);

    private readonly TemporaryDirectory _temp = new("bundle-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Reads_back_every_value_it_was_written_from()
    {
        var bundle = Everything();

        var read = ResultBundleReader.Read(ResultBundleWriter.Write(_temp.Path, bundle));

        var facts = read.Scenario!;
        Assert.Equal(("s1", "night <crossing>", "scenarios/s1.yaml"), (facts.Id, facts.Description, facts.SourcePath));
        Assert.Equal(["pr", "extra"], facts.Tags);
        Assert.Equal(bundle.Scenario!.Clip, facts.Clip);
        Assert.Equal(["vehicle", "person"], facts.Classes.EvaluationClasses);
        Assert.Equal(["car", "truck", "person"], facts.Classes.ModelClasses);
        Assert.Equal(["dog"], facts.Classes.Ignored);

        var verdict = read.Verdict;
        Assert.Equal(bundle.Verdict.Metrics, verdict.Metrics);
        Assert.True(double.IsNaN(verdict.Metrics[2].Baseline!.Value));
        Assert.Equal(double.PositiveInfinity, verdict.Metrics[1].Measured);
        Assert.Equal(["a note", "another"], verdict.Notes);
        Assert.Equal((PipelineAgreement.Changed, true, true, false), (verdict.Agreement, verdict.Strict, verdict.IsCi, verdict.BaselineMissing));
        Assert.Equal("pipeline changed", verdict.Summary);
        var flips = verdict.Flips!;
        Assert.Equal((1, 0, 0, 1, 0), (flips.Lost, flips.Found, flips.ClassChanged, flips.FalsePositivesAppeared, flips.FalsePositivesGone));
        Assert.Equal(new FlipCounts(1, 0, 0, 0, 0), flips.ByGroup["person"]);
        Assert.Equal(new FlipCounts(0, 0, 0, 1, 0), flips.ByGroup["vehicle"]);
        Assert.Equal(bundle.Verdict.Flips!.Worst, flips.Worst);

        var result = read.Result!;
        Assert.Equal(bundle.Result!.Metrics, result.Metrics);
        Assert.Equal(("clip", "model", "digest", 2, "settings"), (result.ClipSha256, result.ModelSha256, result.DetectionsSha256, result.Frames, result.SettingsSha256));
        Assert.Equal(bundle.Result.Provenance, result.Provenance);
        Assert.Equal([0, 0.5, 1], result.PrecisionCurves["person"].Recall);
        Assert.Equal([1, 0.5, -1], result.PrecisionCurves["person"].Precision);
        Assert.Equal([10L, 11L], result.ScoredFrames.Select(f => f.Index));
        Assert.Equal([1000L, 2000L], result.ScoredFrames.Select(f => f.TimestampNs));
        Assert.Equal([Person, Ignored], result.ScoredFrames[0].Truth);
        Assert.Equal([Found, FalsePositive], result.ScoredFrames[0].Detections);
        Assert.Empty(result.ScoredFrames[1].Detections);

        var frame = Assert.Single(result.ReviewFrames);
        Assert.Equal(10, frame.FrameIndex);
        Assert.Equal((4, 2), (frame.Image!.Width, frame.Image.Height));
        Assert.Equal(Jpeg, frame.Image.Jpeg.ToArray());
        Assert.Equal([false, false], frame.Missed);
        Assert.Equal([DetectionMatch.Matched, DetectionMatch.FalsePositive], frame.Matches);
        Assert.Equal([Before], frame.BaselineDetections!);
        Assert.Equal(bundle.Result.ReviewFrames[0].Flips, frame.Flips);
        Assert.Equal([[Before], []], read.BaselineDetections!.Select(d => d.ToArray()));
        Assert.Equal(1.25, read.ReplaySeconds);

        var strip = Assert.Single(result.TrackStrips);
        Assert.Equal((3, 1, 1, 0), (strip.TrackId, strip.ClassId, strip.Flickers, strip.ClassSwitches));
        Assert.Equal(Strip.Frames, strip.Frames);
        Assert.Equal(StripJpeg, strip.Image.Jpeg.ToArray());
    }

    [Fact]
    public void Writing_what_was_read_gives_the_same_bytes()
    {
        var first = ResultBundleWriter.Write(_temp.Combine("first"), Everything());

        var second = ResultBundleWriter.Write(_temp.Combine("second"), ResultBundleReader.Read(first));

        var files = Directory.EnumerateFiles(first).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["baseline-detections.bin", "bundle.json", "detections.bin", "review-10.jpg", "track-3.jpg", "truth.bin"], files);
        Assert.Equal(files, Directory.EnumerateFiles(second).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.Equal(File.ReadAllBytes(Path.Combine(first, f!)), File.ReadAllBytes(Path.Combine(second, f!))));
    }

    /// <summary>Track strips came within format 2: a bundle written before them has no key and reads as having none.</summary>
    [Fact]
    public void Bundle_without_track_strips_reads_as_having_none()
    {
        var folder = ResultBundleWriter.Write(_temp.Path, Everything() with { Result = Everything().Result! with { TrackStrips = [] } });

        Assert.DoesNotContain("\"track_strips\"", File.ReadAllText(Path.Combine(folder, ResultBundleFiles.Bundle)), StringComparison.Ordinal);
        Assert.Empty(ResultBundleReader.Read(folder).Result!.TrackStrips);
    }

    [Fact]
    public void Track_strip_naming_a_box_its_frame_does_not_have_is_refused()
    {
        var folder = ResultBundleWriter.Write(_temp.Path, Everything());
        var path = Path.Combine(folder, ResultBundleFiles.Bundle);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"truth\": 0,", "\"truth\": 2,", StringComparison.Ordinal));

        var error = Assert.Throws<ResultsFormatException>(() => ResultBundleReader.Read(folder));

        Assert.Equal($"{path}: track 3's strip names truth 2 and detections 0, 0 of frame 10, which has 2 truth boxes and 2 detections", error.Message);
    }

    [Fact]
    public void Evaluate_mapped_reads_back_and_a_scenario_without_it_writes_no_key()
    {
        var all = Everything();
        var mapped = all with { Scenario = all.Scenario! with { Classes = ClassMap.Create(["car", "truck", "person"], [new("vehicle", ["car", "truck"])], ["dog"], ClassEvaluation.Mapped) } };

        var allFolder = ResultBundleWriter.Write(_temp.Combine("all"), all);
        var read = ResultBundleReader.Read(ResultBundleWriter.Write(_temp.Combine("mapped"), mapped)).Scenario!.Classes;

        Assert.Equal(ClassEvaluation.Mapped, read.Evaluate);
        Assert.Equal(["vehicle"], read.EvaluationClasses);
        Assert.Equal(ClassEvaluation.All, ResultBundleReader.Read(allFolder).Scenario!.Classes.Evaluate);
        Assert.DoesNotContain("\"evaluate\"", File.ReadAllText(Path.Combine(allFolder, "bundle.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Scenario_file_that_did_not_load_is_a_verdict_alone()
    {
        var failed = new ResultBundle(null, ScenarioVerdict.ForError("bad.yaml", "bad.yaml:3:1: id: missing", isCi: false), null);

        var folder = ResultBundleWriter.Write(_temp.Path, failed);
        var read = ResultBundleReader.Read(folder);

        Assert.Equal("bad_yaml", Path.GetFileName(folder));
        Assert.Equal(["bundle.json"], Directory.EnumerateFiles(folder).Select(Path.GetFileName));
        Assert.Null(read.Scenario);
        Assert.Null(read.Result);
        Assert.Equal("bad.yaml:3:1: id: missing", read.Verdict.Error);
        Assert.Equal("bad.yaml", read.ScenarioId);
    }

    [Fact]
    public void Rewriting_a_bundle_leaves_no_file_of_the_earlier_one()
    {
        var folder = ResultBundleWriter.Write(_temp.Path, Everything());

        ResultBundleWriter.Write(_temp.Path, Everything() with { Result = null, BaselineDetections = null, Verdict = ScenarioVerdict.ForError("s1", "gone", isCi: false) });

        Assert.Equal(["bundle.json"], Directory.EnumerateFiles(folder).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("\"frames\": 2,", "\"frames\": \"2\",", "'frames' must be a 32-bit integer")]
    [InlineData("\"format\": 2,", "\"format\": 1,", "bundle format 1, this harness reads format 2")]
    [InlineData("\"image\": \"review-10.jpg\"", "\"image\": \"../review-10.jpg\"", "'../review-10.jpg' is not a file name")]
    [InlineData("\"kind\": \"lost\"", "\"kind\": \"vanished\"", "'kind' is 'vanished' (expected one of: lost, found")]
    [InlineData("\"frame_ordinal\": 0", "\"frame_ordinal\": 7", "refers to frame ordinal 7")]
    [InlineData("\"scenario\": \"s1\",\n    \"strict\"", "\"strict\"", "missing 'scenario'")]
    public void Edited_json_is_refused_naming_the_file_and_the_field(string original, string edited, string message)
    {
        var folder = ResultBundleWriter.Write(_temp.Path, Everything());
        var json = Path.Combine(folder, ResultBundleFiles.Bundle);
        var text = File.ReadAllText(json);
        Assert.Contains(original, text, StringComparison.Ordinal);
        File.WriteAllText(json, text.Replace(original, edited, StringComparison.Ordinal));

        var error = Assert.Throws<ResultsFormatException>(() => ResultBundleReader.Read(folder));

        Assert.Contains(json, error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ResultBundleFiles.Detections)]
    [InlineData(ResultBundleFiles.BaselineDetections)]
    [InlineData(ResultBundleFiles.Truth)]
    [InlineData("review-10.jpg")]
    [InlineData(ResultBundleFiles.Bundle)]
    public void Missing_or_corrupt_part_is_refused_naming_it(string file)
    {
        var folder = ResultBundleWriter.Write(_temp.Path, Everything());
        var path = Path.Combine(folder, file);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var corrupt = Assert.Throws<ResultsFormatException>(() => ResultBundleReader.Read(folder));
        File.Delete(path);
        var missing = Assert.Throws<ResultsFormatException>(() => ResultBundleReader.Read(folder));

        Assert.Contains(file, corrupt.Message, StringComparison.Ordinal);
        Assert.Contains(path + ": missing", missing.Message, StringComparison.Ordinal);
    }

    private static readonly byte[] Jpeg = ImageEncoder.EncodeJpeg(CameraImage.Packed(4, 2, PixelFormat.Rgb8, Enumerable.Range(0, 4 * 2 * 3).Select(i => (byte)(i * 10)).ToArray()), ReviewImage.JpegQuality);

    private static readonly byte[] StripJpeg = ImageEncoder.EncodeJpeg(CameraImage.Packed(2 * TrackStrip.CellSize, TrackStrip.CellSize, PixelFormat.Rgb8, new byte[2 * TrackStrip.CellSize * TrackStrip.CellSize * 3]), ReviewImage.JpegQuality);

    /// <summary>Person track 3 over both frames: found at frame 10 (crop reaching past the image's edge), gone at 11 with a flicker counted.</summary>
    private static readonly TrackStrip Strip = new(3, 1, 1, 0,
        [new TrackStripFrame(0, 10, -17.45f, -12.875f, 40.2f, 0, 0, 0, false, false), new TrackStripFrame(1, 11, -17.45f, -12.875f, 40.2f, -1, -1, -1, true, false)],
        new ReviewImage(2 * TrackStrip.CellSize, TrackStrip.CellSize, StripJpeg));

    private static ResultBundle Everything()
    {
        var classes = ClassMap.Create(["car", "truck", "person"], [new("vehicle", ["car", "truck"])], ["dog"]);
        var facts = new ScenarioFacts("s1", "night <crossing>", ["pr", "extra"], "scenarios/s1.yaml",
            new ClipSpec("synthetic://urban-night?seed=1&frames=2", "abc", "/camera", "/truth", "/lidar", "/camera_info"), classes);
        var frames = new[] { new ScoredFrame(10, 1000, [Person, Ignored], [Found, FalsePositive]), new ScoredFrame(11, 2000, [], []) };
        var lost = new ObjectFlip(0, 10, FlipKind.Lost, 1, Person, Before, null, 2.5);
        var appeared = new ObjectFlip(0, 10, FlipKind.FalsePositiveAppeared, 0, null, null, FalsePositive, 0.75);
        var review = new ReviewFrame(10, new ReviewImage(4, 2, Jpeg), frames[0].Truth, [false, false], frames[0].Detections,
            [DetectionMatch.Matched, DetectionMatch.FalsePositive])
        {
            BaselineDetections = [Before],
            Flips = [lost, appeared],
        };
        var result = new ScenarioResult("s1", new SortedDictionary<string, double>(StringComparer.Ordinal) { ["coco/AP"] = 0.1 + 0.2, ["fp_per_frame"] = 0.5 }, "clip", "model", "digest", 2)
        {
            PrecisionCurves = new Dictionary<string, CocoPrecisionCurve> { ["person"] = new([0, 0.5, 1], [1, 0.5, -1]) },
            ScoredFrames = frames,
            Provenance = new NumericProvenance("1.31.1", NumericProvenance.CpuExecutionProvider, 1, "all", "CPU \"x\"", 256, "Linux", ".NET 10"),
            SettingsSha256 = "settings",
            ReviewFrames = [review],
            TrackStrips = [Strip],
        };
        var verdict = new ScenarioVerdict("s1",
            [
                new MetricVerdict("coco/AP", 0.5, 0.1 + 0.2, ">= 0.3, -0.005", MetricOutcome.Regressed) { Low = -0.3, High = -0.2, Support = 42, Allowance = 0.005 },
                new MetricVerdict("latency/p99_ms", null, double.PositiveInfinity, "nightly", MetricOutcome.Skipped) { Blocking = false },
                new MetricVerdict("recall@0.5/person", double.NaN, double.NegativeInfinity, "-0.01", MetricOutcome.PossibleRegression),
            ],
            ["a note", "another"],
            BaselineMissing: false,
            IsCi: true)
        {
            Agreement = PipelineAgreement.Changed,
            Strict = true,
            Flips = new FlipSummary(1, 0, 0, 1, 0,
                new Dictionary<string, FlipCounts> { ["vehicle"] = new(0, 0, 0, 1, 0), ["person"] = new(1, 0, 0, 0, 0) },
                [lost, appeared]),
        };
        return new ResultBundle(facts, verdict, result) { BaselineDetections = [[Before], []], ReplaySeconds = 1.25 };
    }
}
