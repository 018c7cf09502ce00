namespace Harness.Reporting;

/// <summary>
/// How alarming a verdict is, decided in one place for every report: the console's colours, the Markdown icons, the
/// HTML badges and row classes and the forest plot's colours are each a lookup of it, so no two reports can read the
/// same verdict differently.
/// </summary>
public enum VerdictTone
{
    Pass,
    Improved,

    /// <summary>No baseline to compare with (a failure in CI, where the scenario verdict is then <see cref="Failure"/>).</summary>
    Missing,

    /// <summary>Needs a reviewer's eye, does not fail: a possible regression, a regression of a metric no gate names, or one a waiver allows.</summary>
    Warning,

    Failure,

    /// <summary>Shown, never decides: a metric of low support, or one gated only on another kind of run.</summary>
    Muted,
}
