namespace Harness.Metrics.Bootstrap;

/// <summary>
/// The circular block bootstrap's block length chosen from the data: Politis and White, "Automatic block-length
/// selection for the dependent bootstrap" (Econometric Reviews, 2004), with the correction of Patton, Politis and White
/// (Econometric Reviews, 2009). The autocorrelations pick a lag window M (twice the first lag after which K_N = 5
/// autocorrelations in a row are insignificant at 2 sqrt(log10(n) / n)); the flat-top kernel of Politis and Romano
/// (1995) over that window estimates the long-run variance g(0) and G = sum |k| R(k); and
/// b = (2 G^2 / D)^(1/3) n^(1/3) with D = (4/3) g(0)^2 for the circular bootstrap, rounded up, at most
/// ceil(min(3 sqrt(n), n / 3)). Constants are the authors' own; nothing is tuned here.
/// </summary>
internal static class BlockLengthSelector
{
    private const int WindowRun = 5;
    private const double Significance = 2;

    /// <summary>The block length for <paramref name="series"/>, in [1, n]; 1 for a series without variation or dependence.</summary>
    public static int Select(ReadOnlySpan<double> series)
    {
        var n = series.Length;
        if (n < 4)
        {
            return 1;
        }

        var mean = 0.0;
        foreach (var x in series)
        {
            mean += x;
        }

        mean /= n;
        var maxLag = (int)Math.Ceiling(Math.Sqrt(n)) + WindowRun;
        maxLag = Math.Min(maxLag, n - 1);
        var covariance = new double[maxLag + 1];
        for (var k = 0; k <= maxLag; k++)
        {
            var sum = 0.0;
            for (var t = 0; t + k < n; t++)
            {
                sum += (series[t] - mean) * (series[t + k] - mean);
            }

            covariance[k] = sum / n;
        }

        if (!(covariance[0] > 0))
        {
            return 1;
        }

        var window = 2 * InsignificantAfter(covariance, n);
        if (window == 0)
        {
            return 1;
        }

        window = Math.Min(window, maxLag);
        double g0 = covariance[0], g = 0;
        for (var k = 1; k <= window; k++)
        {
            var weight = FlatTop((double)k / window);
            g0 += 2 * weight * covariance[k];
            g += 2 * weight * k * covariance[k];
        }

        var cap = (int)Math.Ceiling(Math.Min(3 * Math.Sqrt(n), n / 3.0));
        if (!(g0 > 0))
        {
            return cap;
        }

        var d = 4.0 / 3.0 * g0 * g0;
        var b = Math.Cbrt(2 * g * g / d) * Math.Cbrt(n);
        return (int)Math.Clamp(Math.Ceiling(b), 1, cap);
    }

    /// <summary>
    /// m: the smallest lag such that the autocorrelations at lags m + 1 .. m + K_N are all insignificant; when no run of
    /// K_N fits below the largest lag computed, the largest significant lag.
    /// </summary>
    private static int InsignificantAfter(double[] covariance, int n)
    {
        var threshold = Significance * Math.Sqrt(Math.Log10(n) / n);
        var maxLag = covariance.Length - 1;
        for (var m = 0; m + WindowRun <= maxLag; m++)
        {
            var quiet = true;
            for (var k = 1; k <= WindowRun && quiet; k++)
            {
                quiet = Math.Abs(covariance[m + k] / covariance[0]) < threshold;
            }

            if (quiet)
            {
                return m;
            }
        }

        for (var k = maxLag; k >= 1; k--)
        {
            if (Math.Abs(covariance[k] / covariance[0]) >= threshold)
            {
                return k;
            }
        }

        return 0;
    }

    /// <summary>The trapezoidal flat-top kernel: 1 up to |t| = 1/2, falling linearly to 0 at |t| = 1.</summary>
    private static double FlatTop(double t)
    {
        var a = Math.Abs(t);
        return a <= 0.5 ? 1 : a <= 1 ? 2 * (1 - a) : 0;
    }
}
