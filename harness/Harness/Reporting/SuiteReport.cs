using Harness.Scenarios;

namespace Harness.Reporting;

/// <summary>Everything one gate run decided, in scenario order.</summary>
public sealed record SuiteReport(IReadOnlyList<ScenarioReport> Scenarios, RunKind Run, bool IsCi)
{
    public const int ExitPass = 0;
    public const int ExitRegression = 1;
    public const int ExitInputError = 2;

    /// <summary>Input errors outrank regressions: a scenario that could not run says nothing about the model.</summary>
    public int ExitCode =>
        Scenarios.Any(s => s.Verdict.Error is not null) ? ExitInputError
        : Scenarios.Any(s => s.Verdict.Failed) ? ExitRegression
        : ExitPass;
}
