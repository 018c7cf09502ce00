using System.Globalization;
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

    /// <summary>pycocotools writes -1 where precision is undefined (no ground truth): those are not points.</summary>
    internal static (double[] Recall, double[] Precision) DefinedPoints(CocoPrecisionCurve curve)
    {
        var defined = Enumerable.Range(0, Math.Min(curve.Recall.Count, curve.Precision.Count))
            .Where(i => curve.Precision[i] >= 0)
            .ToArray();
        return (defined.Select(i => curve.Recall[i]).ToArray(), defined.Select(i => curve.Precision[i]).ToArray());
    }
}
