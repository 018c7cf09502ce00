using Harness.Gate;
using Harness.Reporting;

namespace Harness.Scenarios.Tests;

/// <summary>
/// The default scenarios replayed unchanged against their verified baselines (the same cached runs the gate tests
/// judge): the detections agree, no object or false positive flips (a box without area pairs with itself too), and
/// nothing warns.
/// </summary>
public sealed class UnchangedRunTests
{
    public static TheoryData<string> PullRequestScenarios => [.. ScenarioCatalog.Tagged(ScenarioTags.PullRequest)];

    [Theory]
    [MemberData(nameof(PullRequestScenarios))]
    [Trait("Category", "pr")]
    public void An_unchanged_run_agrees_with_its_baseline_with_no_flips_and_no_warnings(string id)
    {
        var verdict = ScenarioCatalog.Run(id, RunKind.PullRequest).Verdict;

        Assert.True(verdict.Agreement is PipelineAgreement.Identical or PipelineAgreement.Equivalent, VerdictTable.Format(verdict));
        var flips = verdict.Flips!;
        Assert.Equal((0, 0, 0, 0, 0), (flips.Lost, flips.Found, flips.ClassChanged, flips.FalsePositivesAppeared, flips.FalsePositivesGone));
        Assert.Equal(0, verdict.Warnings);
    }
}
