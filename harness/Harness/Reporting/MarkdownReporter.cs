using System.Text;
using Harness.Gate;

namespace Harness.Reporting;

/// <summary>
/// A Markdown summary fit for a pull-request comment: one line per scenario, then the rows that need a reviewer's
/// eye. Also appended to <c>$GITHUB_STEP_SUMMARY</c> when the run is a GitHub Actions step.
/// </summary>
public sealed class MarkdownReporter(string outputDirectory) : IReporter
{
    public string Name => "markdown";

    public string OutputPath => Path.Combine(outputDirectory, "summary.md");

    public void Export(SuiteReport report)
    {
        var markdown = Render(report);
        Directory.CreateDirectory(outputDirectory);
        File.WriteAllText(OutputPath, markdown);
        if (Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } stepSummary)
        {
            File.AppendAllText(stepSummary, markdown);
        }
    }

    internal static string Render(SuiteReport report)
    {
        var text = new StringBuilder();
        var failed = report.Scenarios.Count(s => s.Verdict.Failed);
        text.Append("## Perception regression gate: ")
            .Append(failed == 0 ? "passed" : $"{failed} of {report.Scenarios.Count} scenarios failed")
            .Append("\n\n| scenario | verdict | metrics | notes |\n| --- | --- | --- | --- |\n");
        foreach (var scenario in report.Scenarios)
        {
            var verdict = scenario.Verdict;
            text.Append("| ").Append(verdict.ScenarioId)
                .Append(" | ").Append(Icon(verdict)).Append(' ').Append(verdict.Summary)
                .Append(" | ").Append(verdict.Metrics.Count)
                .Append(" | ").Append(Escape(verdict.Error ?? string.Join("; ", verdict.Notes)))
                .Append(" |\n");
        }

        foreach (var scenario in report.Scenarios.Where(s => s.Verdict.Metrics.Any(m => VerdictTable.NeedsReview(m, s.Verdict))))
        {
            text.Append("\n### ").Append(scenario.Verdict.ScenarioId)
                .Append("\n\n| metric | baseline | measured | allowed | verdict |\n| --- | ---: | ---: | --- | --- |\n");
            foreach (var metric in scenario.Verdict.Metrics.Where(m => VerdictTable.NeedsReview(m, scenario.Verdict)).OrderBy(m => VerdictTable.Severity(m.Outcome)))
            {
                text.Append("| `").Append(metric.Metric).Append("` | ")
                    .Append(MetricFormat.Value(metric.Baseline)).Append(" | ")
                    .Append(MetricFormat.Value(metric.Measured)).Append(" | ")
                    .Append(Escape(metric.Allowed)).Append(" | ")
                    .Append(MetricFormat.Outcome(metric.Outcome)).Append(" |\n");
            }
        }

        return text.ToString();
    }

    private static string Icon(ScenarioVerdict verdict) =>
        verdict.Failed ? ":x:" : verdict.Improved ? ":arrow_up:" : verdict.BaselineMissing ? ":grey_question:" : ":white_check_mark:";

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
