using System.Text;
using Harness.Gate;

namespace Harness.Reporting;

/// <summary>
/// The gate's decision as a plain-text table (metric, baseline, measured, change with its interval, allowed,
/// support, verdict): the failure message of a scenario test and the console report. Passing rows are left out unless asked for, so a failure reads at a glance.
/// </summary>
public static class VerdictTable
{
    private static readonly string[] Header = ["metric", "baseline", "measured", "change [interval]", "allowed", "support", "verdict"];

    /// <summary>
    /// Without a baseline every row is "missing"; listing them all would bury the one line that matters. A metric of
    /// low support is listed only when it moved, an ungated one undefined in both runs not at all.
    /// </summary>
    internal static bool NeedsReview(MetricVerdict metric, ScenarioVerdict verdict) =>
        metric.Outcome is not (MetricOutcome.Pass or MetricOutcome.Skipped) &&
        !(verdict.BaselineMissing && metric.Outcome == MetricOutcome.Missing) &&
        !(metric.Outcome == MetricOutcome.LowSupport && metric.Change == 0) &&
        !(metric.Outcome == MetricOutcome.Undefined && !metric.Blocking && metric.Baseline is null);

    /// <summary>
    /// The rows a report lists: those needing review, then every metric that moved within its allowance, so a reviewer
    /// sees what a change did even when it passes.
    /// </summary>
    internal static bool Listed(MetricVerdict metric, ScenarioVerdict verdict) =>
        NeedsReview(metric, verdict) || (metric.Outcome == MetricOutcome.Pass && metric.Change is { } change && change != 0);

    /// <summary>
    /// Failures first, then warnings of gated metrics and regressions a waiver let through, then warnings of metrics no
    /// gate names, so what decides the merge leads.
    /// </summary>
    internal static int Severity(MetricVerdict metric) => metric.Outcome switch
    {
        MetricOutcome.Error or MetricOutcome.Undefined when metric.Blocking => 0,
        MetricOutcome.Regressed when metric.Blocking => 1,
        MetricOutcome.PossibleRegression when metric.Blocking => 2,
        MetricOutcome.Waived => 3,
        MetricOutcome.Missing => 4,
        MetricOutcome.Regressed or MetricOutcome.Error or MetricOutcome.Undefined => 5,
        MetricOutcome.PossibleRegression => 6,
        MetricOutcome.Improved => 7,
        MetricOutcome.LowSupport => 8,
        MetricOutcome.Pass => 9,
        _ => 10,
    };

    /// <summary>The cells of one row, in <see cref="Header"/> order; shared by the console and Markdown tables.</summary>
    internal static string[] Cells(MetricVerdict m) =>
        [m.Metric, MetricFormat.Value(m.Baseline), MetricFormat.Value(m.Measured), MetricFormat.Change(m), m.Allowed,
            m.Support is { } support ? support.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-", MetricFormat.Outcome(m)];

    internal static IReadOnlyList<string> Columns => Header;

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
            text.Append("  no verified baseline; the measured snapshot was written as received (accept it with `dotnet harness accept`)\n");
        }

        if (verdict.Flips is { } flips)
        {
            text.Append("  ").Append(flips.Describe()).Append('\n');
        }

        foreach (var note in verdict.Notes)
        {
            text.Append("  ").Append(note).Append('\n');
        }

        var rows = verdict.Metrics
            .Where(m => includePassing || Listed(m, verdict))
            .OrderBy(Severity)
            .Select(Cells)
            .ToList();
        if (rows.Count == 0 && verdict.BaselineMissing)
        {
            text.Append("  ").Append(verdict.Metrics.Count).Append(" metrics measured\n");
            return text.ToString();
        }

        if (rows.Count == 0)
        {
            text.Append("  no metric changed (").Append(verdict.Metrics.Count).Append(" compared)\n");
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
