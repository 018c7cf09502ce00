using System.Text;
using Harness.Gate;

namespace Harness.Reporting;

/// <summary>
/// A Markdown summary fit for a pull-request comment: one line per scenario, the waivers in force, then the rows that
/// need a reviewer's eye. Also appended to <c>$GITHUB_STEP_SUMMARY</c> when the run is a GitHub Actions step.
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
        var warnings = report.Scenarios.Sum(s => s.Verdict.Warnings);
        text.Append("## Perception regression gate: ")
            .Append(failed == 0 ? "passed" : $"{failed} of {report.Scenarios.Count} scenarios failed")
            .Append(warnings == 0 ? "" : $" ({warnings} possible regression{(warnings == 1 ? "" : "s")} to review)")
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

        var flips = report.Scenarios.Where(s => s.Verdict.Flips is not null).ToList();
        if (flips.Count > 0)
        {
            text.Append('\n');
            foreach (var scenario in flips)
            {
                text.Append("- ").Append(scenario.Verdict.ScenarioId).Append(": ").Append(scenario.Verdict.Flips!.Describe()).Append('\n');
            }
        }

        var waivers = WaiverSummary.InForce(report);
        if (waivers.Count > 0)
        {
            text.Append("\n### Waivers in force\n\n| ").Append(string.Join(" | ", WaiverSummary.Columns)).Append(" |\n| --- | --- | --- | --- | --- | --- | ---: |\n");
            foreach (var waiver in waivers)
            {
                var cells = WaiverSummary.Cells(waiver);
                cells[1] = "`" + cells[1] + "`";
                text.Append("| ").Append(string.Join(" | ", cells.Select(Escape))).Append(" |\n");
            }
        }

        foreach (var scenario in report.Scenarios.Where(s => s.Verdict.Metrics.Any(m => VerdictTable.Listed(m, s.Verdict))))
        {
            text.Append("\n### ").Append(scenario.Verdict.ScenarioId).Append("\n\n| ")
                .Append(string.Join(" | ", VerdictTable.Columns)).Append(" |\n| --- | ---: | ---: | ---: | --- | ---: | --- |\n");
            foreach (var metric in scenario.Verdict.Metrics.Where(m => VerdictTable.Listed(m, scenario.Verdict)).OrderBy(VerdictTable.Severity))
            {
                var cells = VerdictTable.Cells(metric);
                cells[0] = "`" + cells[0] + "`";
                text.Append("| ").Append(string.Join(" | ", cells.Select(Escape))).Append(" |\n");
            }
        }

        return text.ToString();
    }

    private static string Icon(ScenarioVerdict verdict) => VerdictTones.Of(verdict) switch
    {
        VerdictTone.Failure => ":x:",
        VerdictTone.Warning => ":warning:",
        VerdictTone.Improved => ":arrow_up:",
        VerdictTone.Missing => ":grey_question:",
        _ => ":white_check_mark:",
    };

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
