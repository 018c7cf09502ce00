namespace Harness.Metrics.Bootstrap;

/// <summary>
/// Pairs two runs' <see cref="MetricSamples"/> (scored on the same weights) into one <see cref="ChangeInterval"/> per
/// metric defined in the full sample of both. A resample where either run leaves the metric undefined (no truth drawn)
/// is skipped; when every resample is skipped, or there are none, the interval collapses to the full-sample change.
/// </summary>
internal static class ChangeIntervals
{
    public static IReadOnlyDictionary<string, ChangeInterval> Build(MetricSamples baseline, MetricSamples current, double confidence)
    {
        var result = new SortedDictionary<string, ChangeInterval>(StringComparer.Ordinal);
        var differences = new double[Math.Max(0, current.Lanes - 1)];
        for (var m = 0; m < current.Layout.Count; m++)
        {
            var before = baseline.Values(m);
            var after = current.Values(m);
            if (double.IsNaN(before[0]) || double.IsNaN(after[0]))
            {
                continue;
            }

            var count = 0;
            for (var lane = 1; lane < after.Length; lane++)
            {
                if (!double.IsNaN(before[lane]) && !double.IsNaN(after[lane]))
                {
                    differences[count++] = after[lane] - before[lane];
                }
            }

            var change = after[0] - before[0];
            var (low, high) = (change, change);
            double[] draws = [];
            if (count > 0)
            {
                var sorted = differences.AsSpan(0, count);
                sorted.Sort();
                low = TypeSevenQuantile.Of(sorted, (1 - confidence) / 2);
                high = TypeSevenQuantile.Of(sorted, (1 + confidence) / 2);
                draws = sorted.ToArray();
            }

            result[current.Layout.Names[m]] = new ChangeInterval(before[0], after[0], low, high, current.Support(m)) { Draws = draws };
        }

        return result;
    }
}
