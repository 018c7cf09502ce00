using Harness.Reporting;
using Harness.Scenarios;
using Xunit;

namespace Harness.Testing;

/// <summary>
/// The gate as tests. Derive one class from it in a test project (<c>public sealed class GateTests : ScenarioGate;</c>)
/// and every scenario of the repository is a test case, selectable with <c>--filter Category=pr</c>,
/// <c>Category=nightly</c> or <c>Category=canary</c>. A failure message is the gate table (metric, baseline,
/// measured, allowed, verdict).
/// </summary>
public abstract class ScenarioGate
{
    [ScenarioTheory(ScenarioTags.PullRequest)]
    [Trait("Category", ScenarioTags.PullRequest)]
    public void Pull_request_scenario_holds_its_baseline(string id) => AssertHolds(id, RunKind.PullRequest);

    [ScenarioTheory(ScenarioTags.Nightly)]
    [Trait("Category", ScenarioTags.Nightly)]
    public void Nightly_scenario_holds_its_baseline(string id) => AssertHolds(id, RunKind.Nightly);

    /// <summary>A canary is a known-bad model kept to prove the gate bites: it must fail, and not by an error.</summary>
    [ScenarioTheory(ScenarioTags.Canary)]
    [Trait("Category", ScenarioTags.Canary)]
    public void Canary_scenario_is_caught_by_the_gate(string id)
    {
        var report = ScenarioCatalog.Run(id, RunKind.PullRequest);

        Assert.True(report.Verdict.Error is null, report.Verdict.Error);
        Assert.True(report.Verdict.Failed, $"the canary {id} passed the gate:{Environment.NewLine}{VerdictTable.Format(report.Verdict, includePassing: true)}");
    }

    [Fact]
    [Trait("Category", ScenarioTags.PullRequest)]
    [Trait("Category", ScenarioTags.Nightly)]
    public void Every_scenario_file_loads() =>
        Assert.True(ScenarioCatalog.Loaded.Failures.Count == 0, string.Join(Environment.NewLine, ScenarioCatalog.Loaded.Failures.SelectMany(f => f.Errors)));

    /// <summary>Fails with the gate table when the scenario's verdict fails in this kind of run.</summary>
    public static void AssertHolds(string id, RunKind run)
    {
        var report = ScenarioCatalog.Run(id, run);

        Assert.False(report.Verdict.Failed, VerdictTable.Format(report.Verdict));
    }
}
