using System.Text.Json.Nodes;
using Harness.Clips.Mcap;
using Harness.Clips.Messages;
using Harness.Gate;
using Harness.Reporting;
using Harness.Results;
using Harness.Scenarios;
using Harness.Suite;
using Harness.TestKit;
using Harness.Testing;
using Harness.Tests.Clips.Messages;
using Harness.Tests.Testing;

namespace Harness.Tests.Reporting;

/// <summary>review.mcap from a real two-frame replay of the reference detector, through the suite.</summary>
public sealed class ReviewClipReporterTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new("review-clip-");

    public ReviewClipReporterTests()
    {
        Directory.CreateDirectory(Scenarios);
        File.WriteAllText(Path.Combine(Scenarios, "tiny.yaml"), ScenarioYaml.Create("tiny"));
    }

    private string Scenarios => _temp.Combine("scenarios");

    private string Baselines => _temp.Combine("baselines");

    private string ReportDirectory => _temp.Combine("report");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Failing_scenario_gets_every_frame_with_truth_baseline_and_current_boxes()
    {
        var report = RegressedAgainstAcceptedBaseline();
        var result = report.Result!;
        var reporter = Reporter();

        reporter.Export(Suite(report));

        using var mcap = McapReader.Open(reporter.PathFor("tiny"));
        var messages = mcap.ReadMessages().ToList();
        var camera = messages.Where(m => m.Channel.Topic == ReviewClipReporter.CameraTopic).ToList();
        var annotations = messages.Where(m => m.Channel.Topic == ReviewClipReporter.AnnotationsTopic).ToList();
        Assert.Equal(result.Frames, camera.Count);
        Assert.Equal(result.Frames, annotations.Count);
        Assert.All(annotations, m => Assert.Equal("foxglove.ImageAnnotations", m.Schema!.Name));
        Assert.All(camera, m => Assert.Equal("jpeg", CompressedImageMessage.Decode(m.Data).Format));
        for (var i = 0; i < result.Frames; i++)
        {
            var frame = result.ScoredFrames[i];
            var baseline = report.BaselineDetections![i];
            Assert.Equal((ulong)frame.TimestampNs, annotations[i].LogTime);
            Assert.Equal((ulong)frame.TimestampNs, camera[i].LogTime);
            var decoded = SchemaDecoder.Decode(annotations[i].Schema!, annotations[i].Data);
            var boxes = decoded.Messages("points");
            Assert.Equal(frame.Truth.Count + baseline.Count + frame.Detections.Count, boxes.Count);
            Assert.Equal(boxes.Count, decoded.Messages("texts").Count);
            Assert.All(boxes, b => Assert.Equal(4, b.Messages("points").Count));
        }

        Assert.Contains(report.BaselineDetections!, frame => frame.Count > 0);
        Assert.Contains(result.ScoredFrames, frame => frame.Truth.Count > 0 && frame.Detections.Count > 0);
    }

    [Fact]
    public void Passing_scenario_gets_none_and_loses_the_one_a_previous_run_wrote()
    {
        var reporter = Reporter();
        var proposed = Run(isCi: false);
        Assert.True(proposed.Verdict.BaselineMissing);
        reporter.Export(Suite(proposed));
        Assert.True(File.Exists(reporter.PathFor("tiny")));

        new BaselineStore(Baselines).Accept("tiny");
        var passing = Run(isCi: true);
        Assert.False(ReviewClips.NeedsReview(passing.Verdict), VerdictTable.Format(passing.Verdict));
        reporter.Export(Suite(passing));

        Assert.False(File.Exists(reporter.PathFor("tiny")));
    }

    [Fact]
    public void Clip_no_longer_yielding_the_scored_frames_writes_nothing_and_fails_the_reporter()
    {
        var report = RegressedAgainstAcceptedBaseline();
        var result = report.Result!;
        var shifted = report with { Result = result with { ScoredFrames = [.. result.ScoredFrames.Select(f => f with { Index = f.Index + 1 })] } };
        var reporter = Reporter();

        var error = Assert.Throws<AggregateException>(() => reporter.Export(Suite(shifted)));

        Assert.Contains("no longer matches the run", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(reporter.PathFor("tiny")));
        Assert.Empty(Directory.EnumerateFiles(ReportDirectory, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Scenario_that_could_not_run_writes_nothing()
    {
        var report = RegressedAgainstAcceptedBaseline() with { Result = null };

        Reporter().Export(Suite(report));

        Assert.False(File.Exists(Reporter().PathFor("tiny")));
    }

    /// <summary>The baseline (with its detection snapshot) accepted, then one of its metrics hand-edited so the run regresses.</summary>
    private ResultBundle RegressedAgainstAcceptedBaseline()
    {
        Run(isCi: false);
        new BaselineStore(Baselines).Accept("tiny");
        var verified = Path.Combine(Baselines, "tiny.verified.json");
        var json = JsonNode.Parse(File.ReadAllText(verified))!;
        json["metrics"]!["coco/AR100"] = json["metrics"]!["coco/AR100"]!.GetValue<double>() + 0.25;
        File.WriteAllText(verified, json.ToJsonString());
        var report = Run(isCi: true);
        Assert.True(report.Verdict.Failed);
        Assert.NotNull(report.BaselineDetections);
        return report;
    }

    private ReviewClipReporter Reporter() => new(ReportDirectory, new ClipReopener(RepositoryPaths.Cache));

    private static SuiteReport Suite(ResultBundle report) => new([report], RunKind.PullRequest, IsCi: true);

    private ResultBundle Run(bool isCi) => GateSuite.RunOne(
        ScenarioLoader.LoadFile(Path.Combine(Scenarios, "tiny.yaml")),
        new SuiteOptions(Scenarios, Baselines, RepositoryPaths.Cache, null, [], RunKind.PullRequest, isCi) { ResultsDirectory = _temp.Combine("results") });
}
