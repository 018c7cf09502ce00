using System.Globalization;
using Harness.Clips.Kitti;
using Harness.Export;
using Harness.Gate;
using Harness.Metrics;
using Harness.Metrics.Coco;
using Harness.Results;
using Harness.Scenarios;
using Harness.Suite;
using Harness.TestKit;
using Harness.Testing;
using Harness.Tests.Testing;

namespace Harness.Tests.Export;

/// <summary>
/// <c>harness export</c> against independent readers: the COCO export scored by the COCO evaluator that
/// <c>harness eval-coco</c> runs, the CSV and KITTI exports parsed back, each compared with the run's own metrics and
/// detections as its result bundle holds them.
/// </summary>
public sealed class ResultsExportTests : IDisposable
{
    private const string Clip = "synthetic://urban-day?seed=7&frames=6";

    private readonly TemporaryDirectory temp = new("export-");

    private string Scenarios => temp.Combine("scenarios");

    private string Results => temp.Combine("results");

    [Fact]
    public void Coco_export_of_a_synthetic_clip_scores_to_the_runs_metrics_exactly()
    {
        var bundle = RunScenario(Clip);

        var files = Export(new CocoExportFormat(), temp.Combine("out", "run.json"));

        Assert.Equal([temp.Combine("out", "run.json"), temp.Combine("out", "run.truth.json")], files);
        var evaluation = CocoFileEvaluation.EvaluateFiles(files[1], files[0]);
        AssertSameCocoMetrics(bundle.Result!, evaluation, id => (int)id - 1);
        var truth = CocoJsonReader.ReadGroundTruth(files[1]);
        Assert.Equal(bundle.Result!.ScoredFrames.Select(f => f.Index), truth.ImageIds);
    }

    [Fact]
    public void Coco_export_of_a_coco_clip_speaks_its_image_and_category_ids_and_leaves_out_classes_it_lacks()
    {
        var json = RecordedClips.WriteCoco(Path.Combine(Scenarios, "coco"), Clip, new Dictionary<long, string> { [7] = "pedestrian", [3] = "car" });
        var bundle = RunScenario(json);

        var files = Export(new CocoExportFormat(), temp.Combine("out", "coco.json"));

        var truth = CocoJsonReader.ReadGroundTruth(files[1]);
        var detections = CocoJsonReader.ReadDetections(files[0], truth);
        Assert.Equal(Enumerable.Range(100, 6).Select(i => (long)i), truth.ImageIds);
        Assert.Equal([(3, "car"), (7, "pedestrian")], truth.Categories.Select(c => (c.Id, c.Name)).Order());
        var kept = bundle.Result!.ScoredFrames.SelectMany(f => f.Detections).Count(d => d.ClassId != 2);
        Assert.Equal(kept, detections.Count);
        Assert.NotEqual(kept, bundle.Result.ScoredFrames.Sum(f => f.Detections.Count));
        AssertSameCocoMetrics(bundle.Result, CocoFileEvaluation.EvaluateFiles(json, files[0]), id => id == 3 ? 0 : 1);
    }

    [Fact]
    public void Coco_export_of_a_clip_changed_since_the_run_is_refused_naming_the_clip()
    {
        var json = RecordedClips.WriteCoco(Path.Combine(Scenarios, "coco"), Clip, new Dictionary<long, string> { [1] = "car" });
        RunScenario(json);
        File.AppendAllText(Path.Combine(Scenarios, "coco", "images", "0.png"), "x");

        var export = Assert.Single(ResultsExport.Run(Results, new CocoExportFormat(), [], temp.Combine("out.json"), baseline: false));

        Assert.Empty(export.Files);
        Assert.StartsWith($"clip '{json}' has sha256 ", export.Error, StringComparison.Ordinal);
        Assert.Contains("the run replayed", export.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_export_reads_back_to_every_detection_of_the_run_exactly()
    {
        var bundle = RunScenario(Clip);

        var file = Assert.Single(Export(new CsvExportFormat(), temp.Combine("run.csv")));

        var lines = File.ReadAllLines(file);
        Assert.Equal(CsvExportFormat.Header, lines[0]);
        var rows = lines.Skip(1).Select(line => line.Split(',')).ToList();
        var expected = bundle.Result!.ScoredFrames.SelectMany(f => f.Detections.Select(d => (f.Index, $"/camera/front@{f.TimestampNs}", f.TimestampNs, d))).ToList();
        Assert.Equal(expected.Count, rows.Count);
        Assert.NotEmpty(rows);
        var classes = new[] { "car", "pedestrian", "cyclist" };
        Assert.Equal(
            expected.Select(e => (e.Index, e.Item2, e.TimestampNs, classes[e.d.ClassId], e.d.Score, e.d.X1, e.d.Y1, e.d.X2, e.d.Y2)),
            rows.Select(r => (long.Parse(r[0], CultureInfo.InvariantCulture), r[1], long.Parse(r[2], CultureInfo.InvariantCulture), r[3],
                Float(r[4]), Float(r[5]), Float(r[6]), Float(r[7]), Float(r[8]))));
    }

    [Fact]
    public void Kitti_export_reads_back_as_kitti_labels_one_file_per_image()
    {
        var folder = RecordedClips.WriteKitti(Path.Combine(Scenarios, "kitti"), Clip);
        var bundle = RunScenario(folder);

        var files = Export(new KittiExportFormat(), temp.Combine("labels"));

        Assert.Equal(Enumerable.Range(0, 6).Select(i => temp.Combine("labels", $"{i:D6}.txt")), files);
        var types = new[] { "Car", "Pedestrian", "Cyclist" };
        foreach (var (frame, file) in bundle.Result!.ScoredFrames.Zip(files))
        {
            var labels = File.ReadAllLines(file).Select((line, i) => (Label: KittiLabel.Parse(line, file, i + 1), Score: Float(line.Split(' ')[15]))).ToList();
            Assert.Equal(
                frame.Detections.Select(d => (types[d.ClassId], d.X1, d.Y1, d.X2, d.Y2, d.Score)),
                labels.Select(l => (l.Label.Type, l.Label.X1, l.Label.Y1, l.Label.X2, l.Label.Y2, l.Score)));
        }
    }

    [Fact]
    public void Kitti_export_of_a_clip_that_is_not_kitti_names_the_formats_that_fit()
    {
        RunScenario(Clip);

        var export = Assert.Single(ResultsExport.Run(Results, new KittiExportFormat(), [], temp.Combine("labels"), baseline: false));

        Assert.Equal("export: --format kitti writes a label file per image of a KITTI clip, and this scenario's clip is not a KITTI folder; use --format coco or csv", export.Error);
        Assert.False(Directory.Exists(temp.Combine("labels")));
    }

    [Fact]
    public void Baseline_export_is_the_verified_snapshot_and_is_refused_when_there_is_none()
    {
        RunScenario(Clip);
        var refused = Assert.Single(ResultsExport.Run(Results, new CsvExportFormat(), [], temp.Combine("baseline.csv"), baseline: true));
        new BaselineStore(temp.Combine("baselines")).Accept("export");
        var verified = DetectionSnapshotFormat.Read(new BaselineStore(temp.Combine("baselines")).VerifiedDetectionsPath("export"));
        RunScenario(Clip);

        var file = Assert.Single(Export(new CsvExportFormat(), temp.Combine("baseline.csv"), baseline: true));

        Assert.Equal("export: the run was compared with no baseline detection snapshot; there are no baseline detections to export", refused.Error);
        Assert.Equal(verified.Frames.Sum(f => f.Detections.Count), File.ReadAllLines(file).Length - 1);
    }

    [Fact]
    public void Unknown_format_and_scenario_are_refused_with_what_exists()
    {
        RunScenario(Clip);

        var format = Assert.Throws<ExportException>(() => ExportFormats.Named("yolo"));
        var scenario = Assert.Throws<ExportException>(() => ResultsExport.Run(Results, new CsvExportFormat(), ["nope"], null, baseline: false));

        Assert.Equal("--format 'yolo' is not an export format; choose coco (COCO results JSON plus the truth as a COCO instances file), kitti (KITTI label files, one per image, for KITTI clips), csv (one row per detection, for any clip)", format.Message);
        Assert.Equal($"{Results}: holds no results of nope (it has export)", scenario.Message);
    }

    public void Dispose() => temp.Dispose();

    private static float Float(string text) => float.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>Every coco/* summary metric and per-class AP of the run equals the evaluation's, bit for bit.</summary>
    private static void AssertSameCocoMetrics(ScenarioResult result, CocoEvaluationResult evaluation, Func<long, int> classOfCategory)
    {
        var stats = evaluation.Stats.ToNamedValues().Where(s => s.Value > -1).ToList();
        Assert.NotEmpty(stats);
        Assert.Equal(stats.Select(s => (s.Key, s.Value)), stats.Select(s => (s.Key, result.Metrics[MetricNames.Coco(s.Key)])));
        var classes = new[] { "car", "pedestrian", "cyclist" };
        foreach (var (category, ap) in evaluation.PerCategoryAP.Where(p => p.Value > -1))
        {
            Assert.Equal(ap, result.Metrics[MetricNames.Coco("AP", classes[classOfCategory(category)])]);
        }
    }

    private ResultBundle RunScenario(string clip)
    {
        Directory.CreateDirectory(Scenarios);
        File.WriteAllText(Path.Combine(Scenarios, "export.yaml"), ScenarioYaml.Create("export", clip, gated: false));
        var report = GateSuite.Run(new SuiteOptions(Scenarios, temp.Combine("baselines"), RepositoryPaths.Cache, null, [], RunKind.PullRequest, IsCi: false) { ResultsDirectory = Results }, []);
        return Assert.Single(report.Scenarios);
    }

    private IReadOnlyList<string> Export(IExportFormat format, string output, bool baseline = false)
    {
        var export = Assert.Single(ResultsExport.Run(Results, format, [], output, baseline));
        Assert.Null(export.Error);
        return export.Files;
    }
}
