using Harness.Reporting;
using Harness.Suite;

namespace Harness.Scenarios.Tests;

/// <summary>
/// The gate as tests: one case per scenario, selectable with <c>--filter Category=pr</c> or <c>Category=nightly</c>.
/// A failure message is the gate table (metric, baseline, measured, allowed, verdict).
/// </summary>
public sealed class ScenarioGateTests
{
    public static TheoryData<string> PullRequestScenarios => ScenarioCatalog.Tagged(ScenarioLoader.PullRequestTag);

    public static TheoryData<string> NightlyScenarios => ScenarioCatalog.Tagged(ScenarioLoader.NightlyTag);

    [Theory]
    [Trait("Category", "pr")]
    [MemberData(nameof(PullRequestScenarios))]
    public void Pull_request_scenario_holds_its_baseline(string id) => AssertHolds(id, RunKind.PullRequest);

    [Theory]
    [Trait("Category", "nightly")]
    [MemberData(nameof(NightlyScenarios))]
    public void Nightly_scenario_holds_its_baseline(string id) => AssertHolds(id, RunKind.Nightly);

    [Fact]
    [Trait("Category", "pr")]
    [Trait("Category", "nightly")]
    public void Every_scenario_file_loads() =>
        Assert.True(ScenarioCatalog.Loaded.Failures.Count == 0, string.Join(Environment.NewLine, ScenarioCatalog.Loaded.Failures.SelectMany(f => f.Errors)));

    private static void AssertHolds(string id, RunKind run)
    {
        var report = GateSuite.RunOne(ScenarioCatalog.Get(id), ScenarioCatalog.Options(run));

        Assert.False(report.Verdict.Failed, VerdictTable.Format(report.Verdict));
    }
}
