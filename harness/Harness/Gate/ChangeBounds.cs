using Harness.Metrics.Bootstrap;
using Harness.Scenarios;

namespace Harness.Gate;

/// <summary>
/// How the gate reads a metric's bootstrap draws: the percentile interval of the change at any confidence level
/// (Hall's symmetric interval was measured as well and covered less: docs/gating.md), the p-value of "no change beyond
/// the allowance" consistent with it, and the power statement. When the runs differ, an interval is never narrower than the change that could go unseen among the
/// metric's objects: where no resample moved a metric over N objects, changes of up to -ln(a) / N (a the one-sided
/// tail, the "rule of three" at 95%: Hanley and Lippman-Hand, JAMA 249, 1983) are as consistent with the clip as
/// none, and the bootstrap, which only redraws what happened, cannot see them.
/// </summary>
internal static class ChangeBounds
{
    /// <summary>The interval of the change at <paramref name="confidence"/>, before it is moved to the reported values.</summary>
    /// <param name="unseen">Whether to widen it to the change that could go unseen (the runs differ).</param>
    public static (double Low, double High) Of(ChangeInterval interval, double confidence, StatisticsSpec statistics, bool unseen)
    {
        var change = interval.Current - interval.Baseline;
        var (low, high) = confidence == statistics.Confidence ? (interval.Low, interval.High)
            : interval.Draws.Length == 0 ? (change, change)
            : (TypeSevenQuantile.Of(interval.Draws, (1 - confidence) / 2), TypeSevenQuantile.Of(interval.Draws, (1 + confidence) / 2));
        if (!unseen || interval.Support <= 0)
        {
            return (low, high);
        }

        var floor = Unseen((1 - confidence) / 2, interval.Support);
        return (Math.Min(low, change - floor), Math.Max(high, change + floor));
    }

    /// <summary>The change that could go unseen among <paramref name="support"/> objects at one-sided tail <paramref name="tail"/>.</summary>
    public static double Unseen(double tail, long support) => -Math.Log(tail) / support;

    /// <summary>
    /// The p-value of "the metric did not worsen beyond <paramref name="limit"/>", counted as (1 + k) / (B + 1) so that
    /// it is never 0 (Davison and Hinkley 1997, eq. 4.11): below a level exactly when the one-sided interval at that
    /// level lies beyond the limit. With <paramref name="unseen"/>, no smaller than the tail at which the unseen change
    /// alone reaches the limit.
    /// </summary>
    public static double PValue(ChangeInterval interval, double shift, double limit, bool higherIsBetter, bool unseen)
    {
        var draws = interval.Draws;
        var change = interval.Current - interval.Baseline;
        var worsening = higherIsBetter ? -(change + shift) : change + shift;
        var within = 0;
        foreach (var draw in draws)
        {
            var drawn = higherIsBetter ? -(draw + shift) : draw + shift;
            within += drawn <= limit ? 1 : 0;
        }

        var p = (1.0 + within) / (draws.Length + 1.0);
        return unseen && interval.Support > 0 && worsening > limit ? Math.Max(p, Math.Exp(-(worsening - limit) * interval.Support)) : p;
    }

    /// <summary>
    /// The probability that a true change of twice <paramref name="allowance"/>, with the standard error this interval
    /// implies, is caught with the whole interval beyond the allowance: Phi(allowance / SE - z).
    /// </summary>
    public static double Power(double low, double high, double confidence, double allowance)
    {
        var z = StandardNormal.Quantile((1 + confidence) / 2);
        var error = (high - low) / (2 * z);
        return error > 0 ? StandardNormal.Cdf((allowance / error) - z) : 1;
    }
}
