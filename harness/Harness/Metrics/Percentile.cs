namespace Harness.Metrics;

/// <summary>
/// Nearest-rank percentile: the smallest sample with at least p% of the samples at or below it, i.e. sorted[ceil(p/100 * n) - 1].
/// Always an observed value, so a p99 over fewer than 100 frames is the maximum.
/// </summary>
internal static class Percentile
{
    public static double NearestRank(ReadOnlySpan<double> sorted, int percent)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("No samples.", nameof(sorted));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return sorted[Math.Max(rank, 1) - 1];
    }
}
