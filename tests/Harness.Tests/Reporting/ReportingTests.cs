using Harness.Gate;
using Harness.Postprocessing.Layouts;
using Harness.Reporting;
using Harness.Results;
using Harness.Scenarios;

namespace Harness.Tests.Reporting;

public sealed class ReportingTests
{
    private static readonly ScenarioVerdict Regressed = new(
        "urban-night",
        [
            new MetricVerdict("coco/AP", 0.41, 0.37, ">= 0.3, -0.005", MetricOutcome.Regressed) { Low = -0.05, High = -0.03, Support = 120 },
            new MetricVerdict("recall@0.5/car", 0.6, 0.58, "-0.02 (ungated: warns)", MetricOutcome.PossibleRegression) { Low = -0.04, High = 0.01, Support = 80, Blocking = false },
            new MetricVerdict("recall@0.5/car/range:0-30m", 0.5, 0.25, "-0.02 (ungated: warns)", MetricOutcome.LowSupport) { Support = 4, Blocking = false },
            new MetricVerdict("coco/AP50", 0.7, 0.7, "-0.01", MetricOutcome.Pass),
            new MetricVerdict("coco/AR100", 0.3, 0.305, "-0.01 (ungated: warns)", MetricOutcome.Pass) { Low = -0.001, High = 0.01, Support = 120, Blocking = false },
            new MetricVerdict("latency/p99_ms", 9, 12, "gated on nightly", MetricOutcome.Skipped),
        ],
        ["model changed: aaaa -> bbbb"],
        BaselineMissing: false,
        IsCi: true);

    [Fact]
    public void Verdict_table_names_scenario_metric_baseline_measured_and_allowed()
    {
        var table = VerdictTable.Format(Regressed);

        Assert.Equal(
            "urban-night: regressed\n" +
            "  model changed: aaaa -> bbbb\n" +
            "  metric                      baseline  measured  change [interval]       allowed                 support  verdict\n" +
            "  coco/AP                     0.41      0.37      -0.04 [-0.05, -0.03]    >= 0.3, -0.005          120      regressed\n" +
            "  recall@0.5/car              0.6       0.58      -0.02 [-0.04, +0.01]    -0.02 (ungated: warns)  80       possible regression\n" +
            "  recall@0.5/car/range:0-30m  0.5       0.25      -0.25                   -0.02 (ungated: warns)  4        low support\n" +
            "  coco/AR100                  0.3       0.305     +0.005 [-0.001, +0.01]  -0.01 (ungated: warns)  120      pass\n",
            table);
    }

    [Fact]
    public void Markdown_summary_lists_every_scenario_and_details_only_rows_needing_review()
    {
        var pass = new ScenarioVerdict("urban-day", [new MetricVerdict("coco/AP", 0.5, 0.5, "-0.005", MetricOutcome.Pass)], [], false, true);
        var report = new SuiteReport([Report(pass), Report(Regressed)], RunKind.PullRequest, IsCi: true);

        var markdown = MarkdownReporter.Render(report);

        Assert.Contains("1 of 2 scenarios failed (1 possible regression to review)", markdown, StringComparison.Ordinal);
        Assert.Contains("| urban-day | :white_check_mark: pass | 1 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `coco/AP` | 0.41 | 0.37 | -0.04 [-0.05, -0.03] | >= 0.3, -0.005 | 120 | regressed |", markdown, StringComparison.Ordinal);
        Assert.True(markdown.IndexOf("`coco/AP`", StringComparison.Ordinal) < markdown.IndexOf("`recall@0.5/car`", StringComparison.Ordinal));
        Assert.DoesNotContain("`coco/AP50`", markdown, StringComparison.Ordinal);
        Assert.Contains("| `coco/AR100` | 0.3 | 0.305 | +0.005 [-0.001, +0.01] |", markdown, StringComparison.Ordinal);
        Assert.Equal(SuiteReport.ExitRegression, report.ExitCode);
    }

    [Fact]
    public void Input_error_outranks_regression_in_the_exit_code()
    {
        var error = ScenarioVerdict.ForError("broken", "clip hash mismatch", isCi: true);

        var report = new SuiteReport([Report(Regressed), Report(error)], RunKind.PullRequest, IsCi: true);

        Assert.Equal(SuiteReport.ExitInputError, report.ExitCode);
    }

    private static ResultBundle Report(ScenarioVerdict verdict) =>
        new(ScenarioFacts.Of(new Scenario(
            verdict.ScenarioId,
            "",
            ["pr"],
            new ClipSpec("synthetic://urban-day", null, "/c", "/t", null),
            new ModelSpec("reference://detector-v1", null, OutputLayouts.Get("yolov8"), new InputSpec(8, 8, true, 1, [0, 0, 0], [1, 1, 1], false, 114), ClassMap.Identity(["car"]), new SessionSpec(1, "all", true)),
            new PostprocessSpec(0.25f, 0.45f, 10, false),
            [],
            "s.yaml")), verdict, null);
}
