namespace Harness.Gate;

/// <summary>How one metric compares with its baseline and gates.</summary>
public enum MetricOutcome
{
    Pass,

    /// <summary>Better than the baseline beyond tolerance: passes, and flags the baseline for ratcheting.</summary>
    Improved,

    Regressed,

    /// <summary>No baseline value to compare with: fails in CI, where nothing is accepted implicitly.</summary>
    Missing,

    /// <summary>The run did not produce a metric that a gate or the baseline expects.</summary>
    Error,

    /// <summary>Gated only on another kind of run (timing gates on nightly).</summary>
    Skipped,
}
