using System.Text.RegularExpressions;
using Harness.Clips.Images;
using Harness.Gate;
using Harness.Metrics;
using Harness.Metrics.Coco;
using Harness.Postprocessing.Layouts;
using Harness.Reporting;
using Harness.Running;
using Harness.Results;
using Harness.Scenarios;
using SkiaSharp;

namespace Harness.Tests.Reporting;

public sealed partial class HtmlReporterTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "html-report-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Page_shows_every_scenario_with_failing_rows_first_and_passing_rows_collapsed()
    {
        var html = Export(out _);

        Assert.Contains("id=\"scenario-urban-night\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"scenario-broken\"", html, StringComparison.Ordinal);
        Assert.Contains("2 of 2 scenarios failed", html, StringComparison.Ordinal);
        Assert.Contains("clip hash mismatch", html, StringComparison.Ordinal);

        var regressed = html.IndexOf("<tr class=\"fail\"><td><code>coco/AP</code></td><td class=\"num\">0.41</td><td class=\"num\">0.37</td>", StringComparison.Ordinal);
        var improved = html.IndexOf("<tr class=\"improved\"><td><code>coco/AR</code>", StringComparison.Ordinal);
        var collapsed = html.IndexOf("<details>", StringComparison.Ordinal);
        var passing = html.IndexOf("<td><code>coco/AP50</code>", StringComparison.Ordinal);
        Assert.True(regressed >= 0 && improved > regressed && collapsed > improved && passing > collapsed, $"order: regressed {regressed}, improved {improved}, details {collapsed}, passing {passing}");
    }

    [Fact]
    public void Text_is_escaped_and_the_page_needs_nothing_from_elsewhere()
    {
        var html = Export(out _);

        Assert.Contains("<p>Crossings &lt;5 m &amp; &quot;night&quot;</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<5 m", html, StringComparison.Ordinal);
        Assert.Contains("model changed: &lt;none&gt; -&gt; bbbb", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("base64", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Images_are_files_next_to_the_page_with_the_sizes_the_page_declares()
    {
        var html = Export(out var frames);

        var images = ImageTag().Matches(html).Select(m => (Src: m.Groups[1].Value, Width: int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), Height: int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();

        Assert.Equal(1 + frames, images.Count);
        Assert.Contains(images, i => i.Src == "urban-night/pr-curves.png");
        foreach (var (src, width, height) in images)
        {
            var path = Path.Combine(_directory, src);
            Assert.True(File.Exists(path), path);
            using var bitmap = SKBitmap.Decode(path);
            Assert.NotNull(bitmap);
            Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
        }

        Assert.Contains(images, i => (i.Width, i.Height) == (Plots.Width, Plots.Height));
        Assert.Contains(images, i => (i.Width, i.Height) == (320, 240));
        Assert.Contains("frames with the most errors in this run", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Frames_where_objects_flipped_are_shown_as_such_captioned_with_their_flips()
    {
        // Every frame misses its car and has a false positive; only on frame 1 did the baseline find the car.
        var html = Export(out _, baseline: [[], [new Detection(4, 4, 14, 14, 0.9f, 0)], []]);

        Assert.Contains("Frames where objects flipped against the baseline", html, StringComparison.Ordinal);
        Assert.Contains("1 lost, 1 false positive appeared against the baseline; frame 1: 1 false positive, 1 miss", html, StringComparison.Ordinal);
        Assert.Contains("1 false positive appeared against the baseline; frame 0:", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Frames_without_images_are_named_with_a_note_on_how_to_keep_them_and_get_no_thumbnail()
    {
        var html = Export(out var frames, withoutImages: true);

        Assert.Contains("No review images stored: an unchanged pass", html, StringComparison.Ordinal);
        Assert.Contains("<code>harness run --review-images always</code>", html, StringComparison.Ordinal);
        Assert.Equal(frames, Regex.Count(html, "<li>frame \\d+: 1 false positive, 1 miss</li>"));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_directory, "urban-night"), "frame-*"));
        Assert.Single(ImageTag().Matches(html));
    }

    [Fact]
    public void Thumbnail_draws_false_positives_red_and_matched_detections_blue_at_320_px()
    {
        var image = CameraImage.Packed(64, 48, PixelFormat.Rgb8, Enumerable.Repeat((byte)128, 64 * 48 * 3).ToArray());
        var frame = new ReviewFrame(
            3,
            new ReviewImage(64, 48, ImageEncoder.EncodeJpeg(image, ReviewImage.JpegQuality)),
            [new TruthBox(0, 2, 20, 10, 10)],
            [false],
            [new Detection(2, 20, 12, 30, 0.9f, 0), new Detection(30, 20, 50, 40, 0.4f, 0)],
            [DetectionMatch.Matched, DetectionMatch.FalsePositive]);

        using var bitmap = SKBitmap.Decode(Thumbnails.Render(frame, image, ["car"]));

        Assert.Equal((320, 240), (bitmap.Width, bitmap.Height));
        var falsePositiveEdge = Strongest(bitmap, x: 200, rows: [99, 100, 101], c => c.Red - c.Green);
        Assert.True(falsePositiveEdge.Red > 180 && falsePositiveEdge.Green < 90, $"false positive edge {falsePositiveEdge}");
        var matchedEdge = Strongest(bitmap, x: 35, rows: [149, 150, 151], c => c.Blue - c.Red);
        Assert.True(matchedEdge.Blue > 180 && matchedEdge.Red < 90, $"matched edge {matchedEdge}");
        var inside = bitmap.GetPixel(200, 150);
        Assert.Equal((128, 128, 128), (inside.Red, inside.Green, inside.Blue));
    }

    [Fact]
    public void Undefined_precision_points_are_dropped_from_the_curve()
    {
        var curve = new CocoPrecisionCurve([0, 0.01, 0.02, 0.03], [1, 0.5, -1, 0]);

        var (recall, precision) = Plots.DefinedPoints(curve);

        Assert.Equal([0, 0.01, 0.03], recall);
        Assert.Equal([1, 0.5, 0], precision);
    }

    [Fact]
    public void A_run_without_ground_truth_for_any_class_has_no_curve_image()
    {
        var undefined = new CocoPrecisionCurve([0, 1], [-1, -1]);

        Assert.Null(Plots.PrecisionRecall(new Dictionary<string, CocoPrecisionCurve> { ["car"] = undefined }));
    }

    private static SKColor Strongest(SKBitmap bitmap, int x, int[] rows, Func<SKColor, int> strength) =>
        rows.Select(y => bitmap.GetPixel(x, y)).MaxBy(strength);

    private string Export(out int frames, IReadOnlyList<IReadOnlyList<Detection>>? baseline = null, bool withoutImages = false)
    {
        var verdict = new ScenarioVerdict(
            "urban-night",
            [
                new MetricVerdict("coco/AP50", 0.7, 0.7, "exact", MetricOutcome.Pass),
                new MetricVerdict("coco/AR", 0.5, 0.6, "-0.005", MetricOutcome.Improved),
                new MetricVerdict("coco/AP", 0.41, 0.37, ">= 0.3, -0.005", MetricOutcome.Regressed),
            ],
            ["model changed: <none> -> bbbb"],
            BaselineMissing: false,
            IsCi: true);
        var recall = Enumerable.Range(0, 101).Select(i => i / 100.0).ToArray();
        var result = new ScenarioResult("urban-night", new Dictionary<string, double> { ["coco/AP"] = 0.37 }, "aaaa", "bbbb", "cccc", 40)
        {
            PrecisionCurves = new Dictionary<string, CocoPrecisionCurve>
            {
                ["car"] = new(recall, recall.Select(r => r < 0.8 ? 1 - (r / 2) : 0).ToArray()),
                ["cyclist"] = new(recall, recall.Select(_ => -1.0).ToArray()),
            },
            ReviewFrames = [.. ReviewFrames(baseline).Select(f => withoutImages ? f with { Image = null } : f)],
        };
        var report = new SuiteReport(
            [
                new ResultBundle(ScenarioFacts.Of(Scenario("urban-night", "Crossings <5 m & \"night\"")), verdict, result),
                new ResultBundle(ScenarioFacts.Of(Scenario("broken", "")), ScenarioVerdict.ForError("broken", "clip hash mismatch", isCi: true), null),
            ],
            RunKind.PullRequest,
            IsCi: true);
        var reporter = new HtmlReporter(_directory);

        reporter.Export(report);

        frames = result.ReviewFrames.Count;
        return File.ReadAllText(reporter.OutputPath);
    }

    private static IReadOnlyList<ReviewFrame> ReviewFrames(IReadOnlyList<IReadOnlyList<Detection>>? baseline)
    {
        var selection = new FrameSelection(FrameSelection.DefaultCapacity, ["car"], baseline);
        for (var i = 0; i < 3; i++)
        {
            var image = CameraImage.Packed(64, 48, PixelFormat.Bgr8, Enumerable.Repeat((byte)(40 * i), 64 * 48 * 3).ToArray());
            selection.Add(i, i, image, [new TruthBox(0, 4, 4, 10, 10), new TruthBox(-1, 40, 30, 20, 15, Ignore: true)], [new Detection(30, 4, 40, 14, 0.5f + (i / 10f), 0)]);
        }

        return selection.Encode();
    }

    private static Scenario Scenario(string id, string description) => new(
        id,
        description,
        ["pr"],
        new ClipSpec("synthetic://urban-night", null, "/c", "/t", null),
        new ModelSpec("reference://detector-v1", null, OutputLayouts.Get("yolov8"), new InputSpec(8, 8, true, 1, [0, 0, 0], [1, 1, 1], false, 114), ClassMap.Identity(["car", "cyclist"]), new SessionSpec(1, "all", true)),
        new PostprocessSpec(0.25f, 0.45f, 10, false),
        [],
        "s.yaml");

    [GeneratedRegex("<img src=\"([^\"]+)\" width=\"(\\d+)\" height=\"(\\d+)\"")]
    private static partial Regex ImageTag();
}
