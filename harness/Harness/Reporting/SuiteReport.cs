using Harness.Results;
using Harness.Scenarios;

namespace Harness.Reporting;

/// <summary>Everything one gate run decided, in scenario order, as the result bundles reports are rendered from.</summary>
public sealed record SuiteReport(IReadOnlyList<ResultBundle> Scenarios, RunKind Run, bool IsCi)
{
    public const int ExitPass = 0;
    public const int ExitRegression = 1;
    public const int ExitInputError = 2;

    /// <summary>Names of the reporters that failed: their reports are missing or incomplete, so the run cannot pass.</summary>
    public IReadOnlyList<string> FailedReporters { get; init; } = [];

    /// <summary>
    /// Input errors outrank regressions: a scenario that could not run says nothing about the model. A failed reporter
    /// is an error of the run too, whatever the verdicts.
    /// </summary>
    public int ExitCode =>
        Scenarios.Any(s => s.Verdict.Error is not null) || FailedReporters.Count > 0 ? ExitInputError
        : Scenarios.Any(s => s.Verdict.Failed) ? ExitRegression
        : ExitPass;
}
