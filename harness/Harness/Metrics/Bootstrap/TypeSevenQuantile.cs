namespace Harness.Metrics.Bootstrap;

/// <summary>
/// numpy.quantile's default ("linear", Hyndman and Fan type 7): the order statistic at (n - 1) p, interpolated
/// linearly with numpy's two-sided lerp (from the upper neighbour when the fraction is at least one half), so the
/// interval ends match what an analyst gets from numpy on the same differences.
/// </summary>
internal static class TypeSevenQuantile
{
    /// <param name="sorted">Ascending, at least one value.</param>
    /// <param name="probability">In [0, 1].</param>
    public static double Of(ReadOnlySpan<double> sorted, double probability)
    {
        var position = (sorted.Length - 1) * probability;
        var below = (int)Math.Floor(position);
        if (below >= sorted.Length - 1)
        {
            return sorted[^1];
        }

        var fraction = position - below;
        var a = sorted[below];
        var b = sorted[below + 1];
        var difference = b - a;
        return fraction >= 0.5 ? b - (difference * (1 - fraction)) : a + (difference * fraction);
    }
}
