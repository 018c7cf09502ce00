using Harness.Gate;
using Harness.Reporting;
using Harness.Suite;

namespace Harness.Scenarios.Tests;

/// <summary>
/// Proof that the gate bites: the deliberately degraded reference model must fail against the good baseline, sure of
/// it (every failing gated metric's whole interval lies beyond its allowance), and say how many objects it lost.
/// </summary>
public sealed class CanaryTests
{
    public static TheoryData<string> Canaries => ScenarioCatalog.Tagged(ScenarioLoader.CanaryTag);

    [Theory]
    [Trait("Category", "canary")]
    [MemberData(nameof(Canaries))]
    public void Degraded_model_is_caught_as_a_regression(string id)
    {
        var report = GateSuite.RunOne(ScenarioCatalog.Get(id), ScenarioCatalog.Options(RunKind.PullRequest));

        Assert.True(report.Verdict.Error is null, report.Verdict.Error);
        Assert.True(report.Verdict.Failed);
        var gated = report.Verdict.Metrics.Where(m => m.Blocking && m.Outcome == MetricOutcome.Regressed && m.Allowance is not null).ToList();
        Assert.Contains(gated, m => m.Metric == "coco/AP");
        Assert.All(gated, m => Assert.True(m.High < -m.Allowance, $"{m.Metric}: interval [{m.Low}, {m.High}] reaches the allowance -{m.Allowance}"));
        var flips = report.Verdict.Flips!;
        Assert.True(flips.Lost > 0);
        Assert.Contains($"{report.Verdict.ScenarioId}: {flips.Lost} objects lost", MarkdownReporter.Render(new SuiteReport([report], RunKind.PullRequest, IsCi: true)), StringComparison.Ordinal);
    }
}
