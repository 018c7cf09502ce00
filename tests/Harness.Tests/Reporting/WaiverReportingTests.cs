using Harness.Cli;
using Harness.Gate;
using Harness.Reporting;
using Harness.Results;
using Harness.Scenarios;
using Harness.TestKit;

namespace Harness.Tests.Reporting;

/// <summary>A waived regression and the waivers in force, as each report shows them and as a result bundle keeps them.</summary>
public sealed class WaiverReportingTests : IDisposable
{
    private static readonly Waiver Night = new("urban-night", "recall@0.5/pedestrian", new Tolerance(0.05, false), "alice@example.com", "night retrain lands in #412 | soon",
        new DateOnly(2027, 1, 31), 45);

    private static readonly Waiver LastDay = new("urban-night", "fp_per_frame", new Tolerance(0.2, true), "bob", "new classes add false positives", new DateOnly(2026, 12, 17), 0);

    private static readonly ScenarioVerdict Waived = new(
        "urban-night",
        [
            new MetricVerdict("recall@0.5/pedestrian", 0.62, 0.58, "-0.02, waived to -0.05", MetricOutcome.Waived) { Low = -0.05, High = -0.03, Support = 400, Waiver = Night },
            new MetricVerdict("coco/AP", 0.41, 0.41, "-0.01", MetricOutcome.Pass),
        ],
        [],
        BaselineMissing: false,
        IsCi: true)
    {
        Waivers = [Night, LastDay],
    };

    private readonly TemporaryDirectory _temp = new("waiver-report-");

    [Fact]
    public void Markdown_summary_lists_every_waiver_in_force_with_owner_reason_and_days_left()
    {
        var markdown = MarkdownReporter.Render(Suite());

        Assert.Contains("| urban-night | :warning: waived | 2 |", markdown, StringComparison.Ordinal);
        Assert.Contains(
            "### Waivers in force\n\n| scenario | metric | allowed | owner | reason | expires | days left |\n| --- | --- | --- | --- | --- | --- | ---: |\n" +
            "| urban-night | `recall@0.5/pedestrian` | -0.05 | alice@example.com | night retrain lands in #412 \\| soon | 2027-01-31 | 45 days left |\n" +
            "| urban-night | `fp_per_frame` | +20% | bob | new classes add false positives | 2026-12-17 | last day |\n",
            markdown, StringComparison.Ordinal);
        Assert.Contains("| `recall@0.5/pedestrian` | 0.62 | 0.58 | -0.04 [-0.05, -0.03] | -0.02, waived to -0.05 | 400 | waived by alice@example.com until 2027-01-31: night retrain lands in #412 \\| soon |",
            markdown, StringComparison.Ordinal);
        Assert.Equal(SuiteReport.ExitPass, Suite().ExitCode);
    }

    [Fact]
    public void Console_lists_every_waiver_in_force_before_the_gate_line()
    {
        using var plain = new StringWriter();

        new ConsoleReporter(plain, TextWriter.Null).Export(Suite());

        Assert.Contains(
            "waivers in force (2):\n" +
            "  urban-night recall@0.5/pedestrian -0.05: alice@example.com, until 2027-01-31 (45 days left): night retrain lands in #412 | soon\n" +
            "  urban-night fp_per_frame +20%: bob, until 2026-12-17 (last day): new classes add false positives\n" +
            "gate: 1 passed, 0 failed (pr run, CI)\n",
            plain.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Html_page_lists_the_waivers_and_marks_the_waived_row_for_review()
    {
        var page = HtmlPage.Render(Suite(), []);

        Assert.Contains("<h3>Waivers in force</h3>", page, StringComparison.Ordinal);
        Assert.Contains("<tr><td>urban-night</td><td><code>recall@0.5/pedestrian</code></td><td>-0.05</td><td>alice@example.com</td><td>night retrain lands in #412 | soon</td><td>2027-01-31</td><td>45 days left</td></tr>", page, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"warn\"><td><code>recall@0.5/pedestrian</code></td>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge warn\">waived</span>", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_without_waivers_has_no_waiver_section()
    {
        var plain = Waived with { Waivers = [], Metrics = [Waived.Metrics[1]] };
        var suite = new SuiteReport([new ResultBundle(null, plain, null)], RunKind.PullRequest, IsCi: true);

        Assert.DoesNotContain("Waivers", MarkdownReporter.Render(suite), StringComparison.Ordinal);
        Assert.DoesNotContain("Waivers", HtmlPage.Render(suite, []), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bundle_keeps_the_waivers_in_force_and_the_waiver_a_row_was_judged_against()
    {
        var read = ResultBundleReader.Read(ResultBundleWriter.Write(_temp.Path, new ResultBundle(null, Waived, null))).Verdict;

        Assert.Equal([Night, LastDay], read.Waivers);
        Assert.Equal(Night, read.Metrics[0].Waiver);
        Assert.Null(read.Metrics[1].Waiver);
        Assert.Equal(MetricOutcome.Waived, read.Metrics[0].Outcome);
    }

    public void Dispose() => _temp.Dispose();

    private static SuiteReport Suite() => new([new ResultBundle(null, Waived, null)], RunKind.PullRequest, IsCi: true);
}
