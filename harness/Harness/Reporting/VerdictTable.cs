using System.Text;
using Harness.Gate;

namespace Harness.Reporting;

/// <summary>
/// The gate's decision as a plain-text table (metric, baseline, measured, allowed, verdict): the failure message of a
/// scenario test and the console report. Passing rows are left out unless asked for, so a failure reads at a glance.
/// </summary>
public static class VerdictTable
{
    private static readonly string[] Header = ["metric", "baseline", "measured", "allowed", "verdict"];

    /// <summary>Without a baseline every row is "missing"; listing them all would bury the one line that matters.</summary>
    internal static bool NeedsReview(MetricVerdict metric, ScenarioVerdict verdict) =>
        metric.Outcome is not (MetricOutcome.Pass or MetricOutcome.Skipped) &&
        !(verdict.BaselineMissing && metric.Outcome == MetricOutcome.Missing);

    /// <summary>Failures first, so the rows that block the merge are the first a reader sees.</summary>
    internal static int Severity(MetricOutcome outcome) => outcome switch
    {
        MetricOutcome.Error => 0,
        MetricOutcome.Regressed => 1,
        MetricOutcome.Missing => 2,
        MetricOutcome.Improved => 3,
        _ => 4,
    };

    public static string Format(ScenarioVerdict verdict, bool includePassing = false)
    {
        var text = new StringBuilder();
        text.Append(verdict.ScenarioId).Append(": ").Append(verdict.Summary).Append('\n');
        if (verdict.Error is not null)
        {
            text.Append("  ").Append(verdict.Error).Append('\n');
            return text.ToString();
        }

        if (verdict.BaselineMissing)
        {
            text.Append("  no verified baseline; the measured snapshot was written as received (run `./build.sh --target=AcceptBaselines` to accept it)\n");
        }

        foreach (var note in verdict.Notes)
        {
            text.Append("  ").Append(note).Append('\n');
        }

        var rows = verdict.Metrics
            .Where(m => includePassing || NeedsReview(m, verdict))
            .OrderBy(m => Severity(m.Outcome))
            .Select(m => new[] { m.Metric, MetricFormat.Value(m.Baseline), MetricFormat.Value(m.Measured), m.Allowed, MetricFormat.Outcome(m.Outcome) })
            .ToList();
        if (rows.Count == 0 && verdict.BaselineMissing)
        {
            text.Append("  ").Append(verdict.Metrics.Count).Append(" metrics measured\n");
            return text.ToString();
        }

        if (rows.Count == 0)
        {
            text.Append("  all ").Append(verdict.Metrics.Count).Append(" metrics match the baseline\n");
            return text.ToString();
        }

        var widths = Enumerable.Range(0, Header.Length).Select(c => rows.Append(Header).Max(r => r[c].Length)).ToArray();
        foreach (var row in rows.Prepend(Header))
        {
            var line = string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c])));
            text.Append("  ").Append(line.TrimEnd()).Append('\n');
        }

        return text.ToString();
    }
}
