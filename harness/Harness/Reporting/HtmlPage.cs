using System.Globalization;
using System.Net;
using System.Text;
using Harness.Gate;
using Harness.Metrics;
using Harness.Results;
using Harness.Scenarios;

namespace Harness.Reporting;

/// <summary>Renders the HTML report page. Every piece of text goes through <see cref="Escape"/>.</summary>
internal static class HtmlPage
{
    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; color: #222; padding: 0 1rem; }
        h1 { font-size: 1.5rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #ccc; padding-bottom: .3rem; }
        h3 { font-size: 1.05rem; margin-top: 1.5rem; }
        table { border-collapse: collapse; margin: .5rem 0; font-size: .9rem; }
        th, td { border: 1px solid #ddd; padding: .25rem .6rem; text-align: left; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        th { background: #f3f3f3; }
        tr.fail td { background: #fde2e1; } tr.warn td { background: #fff4d6; } tr.improved td { background: #e2f5e4; }
        .badge { display: inline-block; padding: .1rem .5rem; border-radius: .3rem; font-size: .85rem; color: #fff; vertical-align: middle; }
        .badge.fail { background: #c62828; } .badge.improved { background: #2e7d32; } .badge.pass { background: #607d8b; }
        .badge.missing, .badge.warn { background: #b26a00; }
        .error { color: #c62828; font-weight: bold; white-space: pre-wrap; }
        .muted { color: #666; font-size: .9rem; }
        code { font-size: .85rem; }
        details summary { cursor: pointer; margin: .5rem 0; }
        figure { display: inline-block; margin: .5rem 1rem .5rem 0; vertical-align: top; }
        figcaption { font-size: .85rem; color: #444; }
        .key span { display: inline-block; width: .8rem; height: .8rem; margin: 0 .2rem 0 .8rem; vertical-align: middle; }
        """;

    public static string Render(SuiteReport report, IReadOnlyList<HtmlScenarioImages> images)
    {
        var html = new StringBuilder();
        var failed = report.Scenarios.Count(s => s.Verdict.Failed);
        var headline = failed == 0 ? "passed" : Invariant($"{failed} of {report.Scenarios.Count} scenarios failed");
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Perception regression gate: ")
            .Append(Escape(headline)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append("<h1>Perception regression gate: ").Append(Escape(headline)).Append("</h1>\n")
            .Append("<p class=\"muted\">").Append(report.Run == RunKind.Nightly ? "nightly run" : "pull-request run")
            .Append(report.IsCi ? ", CI (nothing accepted implicitly)" : ", local").Append("</p>\n");
        AppendSummary(html, report);
        for (var i = 0; i < report.Scenarios.Count; i++)
        {
            AppendScenario(html, report.Scenarios[i], i < images.Count ? images[i] : HtmlScenarioImages.None);
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    internal static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static void AppendSummary(StringBuilder html, SuiteReport report)
    {
        html.Append("<table>\n<tr><th>scenario</th><th>verdict</th><th>metrics</th><th>needing review</th><th>frames</th></tr>\n");
        foreach (var scenario in report.Scenarios)
        {
            var verdict = scenario.Verdict;
            html.Append("<tr><td><a href=\"#").Append(Anchor(verdict.ScenarioId)).Append("\">").Append(Escape(verdict.ScenarioId)).Append("</a></td><td>")
                .Append(Badge(verdict)).Append("</td><td class=\"num\">").Append(Number(verdict.Metrics.Count))
                .Append("</td><td class=\"num\">").Append(Number(verdict.Metrics.Count(m => VerdictTable.NeedsReview(m, verdict))))
                .Append("</td><td class=\"num\">").Append(scenario.Result is { } r ? Number(r.Frames) : "-").Append("</td></tr>\n");
        }

        html.Append("</table>\n");
        AppendWaivers(html, WaiverSummary.InForce(report));
    }

    private static void AppendWaivers(StringBuilder html, IReadOnlyList<Waiver> waivers)
    {
        if (waivers.Count == 0)
        {
            return;
        }

        html.Append("<h3>Waivers in force</h3>\n<table>\n<tr>");
        foreach (var column in WaiverSummary.Columns)
        {
            html.Append("<th>").Append(Escape(column)).Append("</th>");
        }

        html.Append("</tr>\n");
        foreach (var waiver in waivers)
        {
            var cells = WaiverSummary.Cells(waiver);
            html.Append("<tr><td>").Append(Escape(cells[0])).Append("</td><td><code>").Append(Escape(cells[1])).Append("</code></td>");
            foreach (var cell in cells[2..])
            {
                html.Append("<td>").Append(Escape(cell)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void AppendScenario(StringBuilder html, ResultBundle scenario, HtmlScenarioImages images)
    {
        var verdict = scenario.Verdict;
        html.Append("<section id=\"").Append(Anchor(verdict.ScenarioId)).Append("\">\n<h2>").Append(Escape(verdict.ScenarioId)).Append(' ')
            .Append(Badge(verdict)).Append("</h2>\n");
        if (scenario.Scenario is { Description.Length: > 0 } definition)
        {
            html.Append("<p>").Append(Escape(definition.Description)).Append("</p>\n");
        }

        html.Append("<p class=\"muted\">").Append(Escape(OutcomeCounts(verdict)));
        if (scenario.Result is { } result)
        {
            html.Append(" &middot; ").Append(Number(result.Frames)).Append(" frames &middot; clip <code>").Append(Escape(Short(result.ClipSha256)))
                .Append("</code> &middot; model <code>").Append(Escape(Short(result.ModelSha256))).Append("</code>");
        }

        html.Append("</p>\n");
        if (verdict.Error is not null)
        {
            html.Append("<p class=\"error\">").Append(Escape(verdict.Error)).Append("</p>\n");
        }

        if (verdict.BaselineMissing)
        {
            html.Append("<p>No verified baseline: the measured snapshot was written as received; accept it with <code>dotnet harness accept</code>.</p>\n");
        }

        if (verdict.Flips is { } flips)
        {
            html.Append("<p><strong>Objects against the baseline:</strong> ").Append(Escape(flips.Describe())).Append("</p>\n");
        }

        if (verdict.Notes.Count > 0)
        {
            html.Append("<ul>\n");
            foreach (var note in verdict.Notes)
            {
                html.Append("<li>").Append(Escape(note)).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        AppendMetrics(html, verdict);
        if (images.ForestPath is { } forest)
        {
            html.Append("<h3>Changes with their intervals</h3>\n<p class=\"muted\">Paired bootstrap over the clip's object tracks crossed with its frames (docs/gating.md); a gated metric's bar is at its Bonferroni level. ")
                .Append("Shaded: the allowed change, worse side red, better side green; lower-is-better metrics are flipped so right is better.</p>\n")
                .Append("<img src=\"").Append(Escape(forest)).Append("\" alt=\"forest plot of each metric's change with its 95% interval\">\n");
        }

        if (images.TidePaths is { } tide)
        {
            html.Append("<h3>Where AP50 went (TIDE)</h3>\n<p class=\"muted\">The AP50 each error type's oracle would add back (Bolya et al., ECCV 2020; docs/metrics.md): grey the baseline, coloured this run with its change interval.</p>\n")
                .Append("<img src=\"").Append(Escape(tide.Main)).Append("\" alt=\"AP50 lost to each TIDE error type\">\n")
                .Append("<img src=\"").Append(Escape(tide.Special)).Append("\" alt=\"AP50 lost to false positives and false negatives\">\n");
        }

        if (images.TrendPaths.Count > 0)
        {
            html.Append("<h3>Trends</h3>\n<p class=\"muted\">Each gated metric over the history's last recorded runs and this one; a dashed line marks where a new baseline was accepted.</p>\n");
            foreach (var (metric, path) in images.TrendPaths)
            {
                html.Append("<img src=\"").Append(Escape(path)).Append("\" alt=\"trend of ").Append(Escape(metric)).Append("\">\n");
            }
        }

        HtmlFrameSections.AppendFlips(html, images);
        HtmlFrameSections.AppendTracks(html, images);
        if (scenario.Result is { } measured)
        {
            AppendPrecisionRecall(html, measured, images);
            HtmlFrameSections.AppendFrames(html, measured, images);
        }

        html.Append("</section>\n");
    }

    /// <summary>Rows needing review first (failing, then improved) and highlighted; the rest collapsed.</summary>
    private static void AppendMetrics(StringBuilder html, ScenarioVerdict verdict)
    {
        if (verdict.Metrics.Count == 0)
        {
            return;
        }

        var review = verdict.Metrics.Where(m => VerdictTable.NeedsReview(m, verdict)).OrderBy(VerdictTable.Severity).ToList();
        var rest = verdict.Metrics.Where(m => !VerdictTable.NeedsReview(m, verdict)).ToList();
        html.Append("<h3>Metrics</h3>\n");
        if (review.Count > 0)
        {
            AppendMetricTable(html, review);
        }
        else
        {
            html.Append("<p>No metric needs review.</p>\n");
        }

        if (rest.Count > 0)
        {
            var label = verdict.BaselineMissing ? "measured without a baseline" : "passing or not gated on this run";
            html.Append("<details>\n<summary>").Append(Number(rest.Count)).Append(" metrics ").Append(label).Append("</summary>\n");
            AppendMetricTable(html, rest);
            html.Append("</details>\n");
        }
    }

    private static void AppendMetricTable(StringBuilder html, IEnumerable<MetricVerdict> rows)
    {
        html.Append("<table>\n<tr>");
        foreach (var column in VerdictTable.Columns)
        {
            html.Append("<th>").Append(Escape(column)).Append("</th>");
        }

        html.Append("</tr>\n");
        foreach (var row in rows)
        {
            var rowClass = VerdictTones.Of(row) switch
            {
                VerdictTone.Failure => " class=\"fail\"",
                VerdictTone.Warning => " class=\"warn\"",
                VerdictTone.Improved => " class=\"improved\"",
                _ => "",
            };
            var cells = VerdictTable.Cells(row);
            html.Append("<tr").Append(rowClass).Append("><td><code>").Append(Escape(cells[0])).Append("</code></td>");
            for (var c = 1; c < cells.Length; c++)
            {
                var numeric = c is 1 or 2 or 3 or 5;
                html.Append(numeric ? "<td class=\"num\">" : "<td>").Append(Escape(cells[c])).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void AppendPrecisionRecall(StringBuilder html, ScenarioResult result, HtmlScenarioImages images)
    {
        html.Append("<h3>Precision-recall at IoU 0.5</h3>\n");
        if (images.PrecisionRecallPath is { } path)
        {
            html.Append("<img src=\"").Append(Escape(path)).Append("\" width=\"").Append(Number(Plots.Width)).Append("\" height=\"").Append(Number(Plots.Height))
                .Append("\" alt=\"precision-recall curves per class at IoU 0.5\">\n");
        }

        var undefined = result.PrecisionCurves.Where(c => Plots.DefinedPoints(c.Value).Recall.Length == 0).Select(c => c.Key).ToList();
        if (undefined.Count > 0)
        {
            html.Append("<p class=\"muted\">No ground truth (no curve): ").Append(Escape(string.Join(", ", undefined))).Append("</p>\n");
        }
    }

    private static string Badge(ScenarioVerdict verdict)
    {
        var kind = VerdictTones.Of(verdict) switch
        {
            VerdictTone.Failure => "fail",
            VerdictTone.Warning => "warn",
            VerdictTone.Improved => "improved",
            VerdictTone.Missing => "missing",
            _ => "pass",
        };
        return "<span class=\"badge " + kind + "\">" + Escape(verdict.Summary) + "</span>";
    }

    private static string OutcomeCounts(ScenarioVerdict verdict) =>
        verdict.Metrics.Count == 0
            ? "no metrics"
            : string.Join(", ", verdict.Metrics.GroupBy(MetricFormat.Outcome).OrderBy(g => g.Min(VerdictTable.Severity)).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => Invariant($"{g.Count()} {g.Key}")));

    /// <summary>Ids are [a-z0-9-]; the prefix keeps anchors from clashing with anything else on the page.</summary>
    private static string Anchor(string scenarioId) => "scenario-" + Escape(ResultBundleFiles.FolderName(scenarioId));

    private static string Short(string sha256) => sha256.Length > 12 ? sha256[..12] : sha256;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
