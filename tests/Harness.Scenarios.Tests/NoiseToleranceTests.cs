using System.Security.Cryptography;
using Harness.Models;
using Harness.Reporting;
using Harness.Suite;
using Harness.TestKit;

namespace Harness.Scenarios.Tests;

/// <summary>
/// The gate judges evidence, not digits: changes far inside the allowances (a slightly higher score threshold, a
/// retrain that scales every weight by 1 +- 1e-5) pass against urban-day's verified baseline, with their intervals, and
/// raise no warning: the ungated metrics are one family under false-discovery-rate control, which lets a harmless
/// change warn in at most 5% of scenarios (docs/gating.md measures it), so a warning here would be the rare case, not
/// the rule.
/// </summary>
public sealed class NoiseToleranceTests
{
    [Fact]
    [Trait("Category", "pr")]
    public void Slightly_higher_score_threshold_passes_and_lists_the_changes_with_intervals()
    {
        var urbanDay = ScenarioCatalog.Get("urban-day");
        var scenario = urbanDay with
        {
            Id = "urban-day-threshold",
            BaselineId = "urban-day",
            Postprocess = urbanDay.Postprocess with { ScoreThreshold = 0.26f },
        };

        var report = GateSuite.RunOne(scenario, ScenarioCatalog.Options(RunKind.PullRequest));

        Assert.False(report.Verdict.Failed, VerdictTable.Format(report.Verdict));
        Assert.Equal(0, report.Verdict.Warnings);
        var changed = report.Verdict.Metrics.Where(m => m.Change is not null and not 0).ToList();
        Assert.NotEmpty(changed);
        Assert.All(changed.Where(m => !Metrics.MetricNames.IsTiming(m.Metric)), m => Assert.True(m.Low is not null && m.High is not null, m.Metric));
        Assert.Contains("coco/AP ", VerdictTable.Format(report.Verdict), StringComparison.Ordinal);
        Assert.Contains("[", VerdictTable.Format(report.Verdict), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "pr")]
    public void Retrain_that_scales_every_weight_by_one_part_in_100000_passes()
    {
        var urbanDay = ScenarioCatalog.Get("urban-day");
        using var directory = new TemporaryDirectory("perturbed-");
        var path = directory.Combine("detector-v1-perturbed.onnx");
        var model = PerturbedModel.Scale(ReferenceModels.Build("detector-v1"), 1e-5f);
        File.WriteAllBytes(path, model);
        var scenario = urbanDay with
        {
            Id = "urban-day-perturbed",
            BaselineId = "urban-day",
            Model = urbanDay.Model with { Source = path, Sha256 = Convert.ToHexStringLower(SHA256.HashData(model)) },
        };

        var report = GateSuite.RunOne(scenario, ScenarioCatalog.Options(RunKind.PullRequest));

        Assert.Null(report.Verdict.Error);
        Assert.False(report.Verdict.Failed, VerdictTable.Format(report.Verdict));
        Assert.Equal(0, report.Verdict.Warnings);
        Assert.NotEqual(report.Result!.ModelSha256, ScenarioCatalog.Get("urban-day").Model.Sha256);
    }
}
