namespace Harness.Scenarios;

/// <summary>How an interval is read from the bootstrap's resampled changes.</summary>
public enum IntervalMethod
{
    /// <summary>The 100(1 - c)/2 and 100(1 + c)/2 percentiles of the resampled changes (Efron's percentile interval).</summary>
    Percentile,

    /// <summary>
    /// The change plus and minus the c-quantile of the resampled changes' distance from it: Hall's symmetric interval
    /// ("On symmetric bootstrap confidence intervals", JRSS B 50, 1988), which does not inherit the skew of a change
    /// made of few objects.
    /// </summary>
    Symmetric,
}
