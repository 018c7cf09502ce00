using System.Globalization;
using Harness.Gate;
using Harness.Metrics.Coco;
using ScottPlot;

namespace Harness.Reporting;

/// <summary>Charts for the HTML report, drawn with ScottPlot as PNG.</summary>
internal static class Plots
{
    public const int Width = 640;
    public const int Height = 400;

    /// <summary>
    /// One precision-recall line per class at IoU 0.5, its AP50 in the legend (the mean of the 101 sampled
    /// precisions). Null when no class has ground truth, because then there is nothing to draw.
    /// </summary>
    public static byte[]? PrecisionRecall(IReadOnlyDictionary<string, CocoPrecisionCurve> curves)
    {
        var plot = new Plot();
        var drawn = 0;
        foreach (var (name, curve) in curves)
        {
            var (recall, precision) = DefinedPoints(curve);
            if (recall.Length == 0)
            {
                continue;
            }

            var line = plot.Add.Scatter(recall, precision);
            line.LegendText = string.Create(CultureInfo.InvariantCulture, $"{name} (AP50 {precision.Average():0.000})");
            line.MarkerSize = 0;
            line.LineWidth = 2;
            drawn++;
        }

        if (drawn == 0)
        {
            return null;
        }

        plot.Title("Precision-recall per class, IoU 0.5");
        plot.XLabel("recall");
        plot.YLabel("precision");
        plot.Axes.SetLimits(0, 1, 0, 1.02);
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>At most this many rows, so the plot stays readable; the rows needing review come first.</summary>
    public const int ForestRows = 24;

    /// <summary>
    /// A forest plot of one scenario: each metric's change against the baseline (dot) with its 95% interval (bar),
    /// and the allowed change shaded around zero, on the worse side in red and the better side in green. Metrics
    /// whose direction is lower-is-better are flipped so that right is always better. Null when no row has an interval.
    /// </summary>
    public static byte[]? Forest(IReadOnlyList<MetricVerdict> rows)
    {
        var shown = rows.Where(r => r.Low is not null && r.High is not null && r.Change is not null).Take(ForestRows).ToList();
        if (shown.Count == 0)
        {
            return null;
        }

        var plot = new Plot();
        var positions = new double[shown.Count];
        var labels = new string[shown.Count];
        for (var i = 0; i < shown.Count; i++)
        {
            var row = shown[i];
            var y = shown.Count - 1 - i;
            var sign = Metrics.MetricNames.HigherIsBetter(row.Metric) ? 1 : -1;
            var allowed = row.Allowance ?? 0;
            var worse = plot.Add.Rectangle(-allowed, 0, y - 0.35, y + 0.35);
            worse.FillStyle.Color = Colors.Red.WithAlpha(0.12);
            worse.LineStyle.Width = 0;
            var better = plot.Add.Rectangle(0, allowed, y - 0.35, y + 0.35);
            better.FillStyle.Color = Colors.Green.WithAlpha(0.12);
            better.LineStyle.Width = 0;
            var (low, high) = (sign * row.Low!.Value, sign * row.High!.Value);
            var color = VerdictTones.Of(row) switch
            {
                VerdictTone.Failure => Colors.Red,
                VerdictTone.Warning => Colors.DarkOrange,
                VerdictTone.Improved => Colors.Green,
                VerdictTone.Muted => Colors.Gray,
                _ => Colors.SteelBlue,
            };
            var bar = plot.Add.Line(Math.Min(low, high), y, Math.Max(low, high), y);
            bar.LineColor = color;
            bar.LineWidth = 3;
            plot.Add.Marker(sign * row.Change!.Value, y, MarkerShape.FilledCircle, 8, color);
            positions[i] = y;
            labels[i] = row.Metric;
        }

        plot.Add.VerticalLine(0, 1, Colors.Black);
        plot.Axes.Left.SetTicks(positions, labels);
        plot.Title("Change against the baseline, 95% interval (right = better)");
        plot.XLabel("change (lower-is-better metrics flipped)");
        return plot.GetImageBytes(Width + 160, Math.Max(200, 60 + (28 * shown.Count)), ImageFormat.Png);
    }

    /// <summary>
    /// One metric over the recorded runs (oldest first) and this one, each labelled with its commit and date, and a
    /// dashed line before each run judged against another baseline value than the run before (a baseline was accepted
    /// between them). Null without a recorded run, since a single point is no trend.
    /// </summary>
    public static byte[]? Trend(string metric, IReadOnlyList<History.MetricPoint> recorded, double? current, string currentLabel)
    {
        if (recorded.Count == 0)
        {
            return null;
        }

        var plot = new Plot();
        var xs = Enumerable.Range(0, recorded.Count).Select(i => (double)i).ToArray();
        var line = plot.Add.Scatter(xs, recorded.Select(p => p.Value).ToArray());
        line.LegendText = "recorded runs";
        line.LineWidth = 2;
        line.MarkerSize = 6;
        var labels = recorded.Select(p => string.Create(CultureInfo.InvariantCulture, $"{Short(p.Commit)}\n{p.RecordedAt:MM-dd}")).ToList();
        if (current is { } now)
        {
            var marker = plot.Add.Marker(recorded.Count, now, MarkerShape.FilledDiamond, 10, Colors.DarkOrange);
            marker.LegendText = "this run";
            labels.Add(currentLabel);
        }

        var accepted = false;
        for (var i = 1; i < recorded.Count; i++)
        {
            if (recorded[i].Baseline is { } then && recorded[i - 1].Baseline is { } before && then != before)
            {
                var change = plot.Add.VerticalLine(i - 0.5, 1, Colors.Gray, LinePattern.Dashed);
                change.LegendText = accepted ? "" : "baseline accepted";
                accepted = true;
            }
        }

        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, labels.Count).Select(i => (double)i)], [.. labels]);
        plot.Axes.SetLimitsX(-0.5, labels.Count - 0.5);
        plot.Title(metric);
        plot.ShowLegend(Alignment.LowerLeft);
        return plot.GetImageBytes(Width, 300, ImageFormat.Png);
    }

    /// <summary>
    /// Where AP50 went (TIDE, docs/metrics.md): for each error type, the AP50 its oracle would add back in the baseline
    /// (grey) and in this run (coloured), the run's bar with its change interval; the main types in one chart, false
    /// positives and negatives (which overlap them) in the other. Null when the run has no pooled <c>tide/*</c> row.
    /// </summary>
    public static (byte[] Main, byte[] Special)? Tide(IReadOnlyList<MetricVerdict> rows)
    {
        var byType = Metrics.Tide.TideNames.All.ToDictionary(t => t, t => rows.FirstOrDefault(r => r.Metric == Metrics.Families.Tide.TideFamily.Root + "/" + t));
        if (byType.Values.All(r => r?.Measured is null))
        {
            return null;
        }

        return (TideBars([.. Metrics.Tide.TideNames.All.Take(6)], byType, "AP50 lost to each error type (dAP)"),
            TideBars([.. Metrics.Tide.TideNames.All.Skip(6)], byType, "AP50 lost to false positives and negatives"));
    }

    private static byte[] TideBars(IReadOnlyList<string> types, Dictionary<string, MetricVerdict?> rows, string title)
    {
        var plot = new Plot();
        var bars = new List<Bar>();
        for (var i = 0; i < types.Count; i++)
        {
            if (rows[types[i]] is not { } row)
            {
                continue;
            }

            if (row.Baseline is { } before)
            {
                bars.Add(new Bar { Position = (3 * i) + 0.5, Value = before, FillColor = Colors.Gray.WithAlpha(0.6) });
            }

            if (row.Measured is { } now)
            {
                var color = VerdictTones.Of(row) switch
                {
                    VerdictTone.Failure => Colors.Red,
                    VerdictTone.Warning => Colors.DarkOrange,
                    VerdictTone.Improved => Colors.Green,
                    _ => Colors.SteelBlue,
                };
                var bar = new Bar { Position = (3 * i) + 1.5, Value = now, FillColor = color };
                if (row is { Baseline: { } b, Low: { } low, High: { } high })
                {
                    var interval = plot.Add.Line((3 * i) + 1.5, b + low, (3 * i) + 1.5, b + high);
                    interval.LineWidth = 2;
                    interval.LineColor = Colors.Black;
                }

                bars.Add(bar);
            }
        }

        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, types.Count).Select(i => (3.0 * i) + 1)], [.. types]);
        plot.Axes.Margins(bottom: 0);
        plot.Title(title);
        plot.YLabel("dAP");
        return plot.GetImageBytes(Width / 2 + (types.Count * 40), 320, ImageFormat.Png);
    }

    private static string Short(string commit) => commit.Length > 7 ? commit[..7] : commit;

    /// <summary>pycocotools writes -1 where precision is undefined (no ground truth): those are not points.</summary>
    internal static (double[] Recall, double[] Precision) DefinedPoints(CocoPrecisionCurve curve)
    {
        var defined = Enumerable.Range(0, Math.Min(curve.Recall.Count, curve.Precision.Count))
            .Where(i => curve.Precision[i] >= 0)
            .ToArray();
        return (defined.Select(i => curve.Recall[i]).ToArray(), defined.Select(i => curve.Precision[i]).ToArray());
    }
}
