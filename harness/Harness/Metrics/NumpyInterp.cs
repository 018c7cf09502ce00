namespace Harness.Metrics;

/// <summary>
/// numpy.interp: piecewise-linear interpolation on increasing sample points, with numpy's exact rules, which
/// matter where <c>xp</c> repeats a value (a run of false positives leaves recall flat): x is placed after the last
/// sample point not above it, a hit on a sample point or on the last one takes its value, and values outside the
/// samples take <c>left</c> and <c>right</c>.
/// </summary>
internal static class NumpyInterp
{
    public static void Interpolate(ReadOnlySpan<double> x, ReadOnlySpan<double> xp, ReadOnlySpan<double> fp, double left, double right, Span<double> result)
    {
        var last = xp.Length - 1;
        for (var i = 0; i < x.Length; i++)
        {
            var value = x[i];
            var j = UpperBound(xp, value) - 1;
            if (j < 0)
            {
                result[i] = left;
            }
            else if (value > xp[last])
            {
                result[i] = right;
            }
            else if (j == last || xp[j] == value)
            {
                result[i] = fp[j];
            }
            else
            {
                var slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
                result[i] = (slope * (value - xp[j])) + fp[j];
            }
        }
    }

    /// <summary>The first position whose value is above <paramref name="value"/>.</summary>
    private static int UpperBound(ReadOnlySpan<double> sorted, double value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = low + ((high - low) >> 1);
            if (value >= sorted[middle])
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
