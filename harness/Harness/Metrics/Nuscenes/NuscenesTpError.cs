namespace Harness.Metrics.Nuscenes;

/// <summary>
/// The devkit's calc_tp: one class's TP error, the mean of the curve's running mean from just above min_recall to
/// the highest recall reached (both ends included); 1 when that recall is not above min_recall.
/// </summary>
internal static class NuscenesTpError
{
    public static double Compute(NuscenesMetricCurve curve, double minRecall, NuscenesTpMetric metric)
    {
        var first = NuscenesAveragePrecision.FirstIndexAbove(minRecall);
        var last = curve.MaxRecallIndex;
        if (last < first)
        {
            return 1.0;
        }

        var errors = curve.Errors[(int)metric];
        double sum = 0;
        for (var i = first; i <= last; i++)
        {
            sum += errors[i];
        }

        return sum / (last - first + 1);
    }
}
