using Harness.Gate;
using Harness.Suite;

namespace Harness.Scenarios.Tests;

/// <summary>Proof that the gate bites: the deliberately degraded reference model must fail against the good baseline.</summary>
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
        Assert.Contains(report.Verdict.Metrics, m => m.Metric == "coco/AP" && m.Outcome == MetricOutcome.Regressed);
    }
}
