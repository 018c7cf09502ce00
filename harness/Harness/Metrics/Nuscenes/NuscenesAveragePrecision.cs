namespace Harness.Metrics.Nuscenes;

/// <summary>
/// The devkit's calc_ap: the mean over the sampled recalls above min_recall (the min_recall point itself excluded)
/// of the precision less min_precision, clipped at 0, normalised by 1 - min_precision so a perfect curve scores 1.
/// </summary>
internal static class NuscenesAveragePrecision
{
    public static double Compute(NuscenesMetricCurve curve, double minRecall, double minPrecision)
    {
        var first = FirstIndexAbove(minRecall);
        double sum = 0;
        for (var i = first; i < NuscenesMetricCurve.Points; i++)
        {
            sum += Math.Max(curve.Precision[i] - minPrecision, 0);
        }

        return sum / (NuscenesMetricCurve.Points - first) / (1.0 - minPrecision);
    }

    /// <summary>round(100 · min_recall) + 1, Python's round (half to even) as <see cref="Math.Round(double)"/> is.</summary>
    public static int FirstIndexAbove(double minRecall) => (int)Math.Round(100 * minRecall) + 1;
}
