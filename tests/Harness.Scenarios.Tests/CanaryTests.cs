using Harness.Gate;
using Harness.Reporting;

namespace Harness.Scenarios.Tests;

/// <summary>
/// Proof that the gate bites and tells what moved: the deliberately degraded reference model must fail against the
/// good baseline, sure of it (every failing gated metric's whole interval lies beyond its allowance), and say how
/// many objects it lost; the mixed model must show its trade-off: more cars found (car recall surely up, car AP50 up but
/// within the interval's noise) and pedestrians surely worse.
/// </summary>
public sealed class CanaryTests
{
    [Fact]
    [Trait("Category", "canary")]
    public void Degraded_model_is_caught_as_a_regression()
    {
        var report = ScenarioCatalog.Run("detector-degraded", RunKind.PullRequest);

        Assert.True(report.Verdict.Error is null, report.Verdict.Error);
        Assert.True(report.Verdict.Failed);
        // Every gated metric with an allowed change, whatever its outcome: each must be regressed, surely.
        var gated = report.Verdict.Metrics.Where(m => m.Blocking && m.Allowance is not null && m.Metric.StartsWith("coco/", StringComparison.Ordinal)).ToList();
        Assert.Equal(["coco/AP", "coco/AP50"], gated.Select(m => m.Metric).Order(StringComparer.Ordinal));
        Assert.All(gated, m => Assert.Equal(MetricOutcome.Regressed, m.Outcome));
        Assert.All(gated, m => Assert.True(m.High < -m.Allowance, $"{m.Metric}: interval [{m.Low}, {m.High}] reaches the allowance -{m.Allowance}"));
        var flips = report.Verdict.Flips!;
        Assert.True(flips.Lost > 0);
        Assert.Contains($"{report.Verdict.ScenarioId}: {flips.Lost} objects lost", MarkdownReporter.Render(new SuiteReport([report], RunKind.PullRequest, IsCi: true)), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "canary")]
    public void Mixed_model_shows_more_cars_found_and_pedestrians_regressed_with_intervals_that_exclude_no_change()
    {
        var report = ScenarioCatalog.Run("detector-mixed", RunKind.PullRequest);

        Assert.True(report.Verdict.Error is null, report.Verdict.Error);
        var metrics = report.Verdict.Metrics.ToDictionary(m => m.Metric);
        var carRecall = metrics["recall@0.5/car"];
        // On the 600-frame clip the gain (about +0.03) is surely above no change but not surely beyond the family's
        // allowance of 0.02, which "improved" needs: a pass.
        Assert.Equal(MetricOutcome.Pass, carRecall.Outcome);
        Assert.True(carRecall.Change > 0.02, $"recall@0.5/car: change {carRecall.Change} is not beyond the allowance");
        Assert.True(carRecall.Low > 0, $"recall@0.5/car: interval [{carRecall.Low}, {carRecall.High}] does not lie above zero");
        var carAp50 = metrics["coco/AP50/car"];
        Assert.True(carAp50.Change > 0 && carAp50.High > 0, $"coco/AP50/car: change {carAp50.Change} [{carAp50.Low}, {carAp50.High}] is not a gain");
        foreach (var name in new[] { "coco/AP50/pedestrian", "recall@0.5/pedestrian" })
        {
            var pedestrian = metrics[name];
            Assert.Equal(MetricOutcome.Regressed, pedestrian.Outcome);
            Assert.True(pedestrian.High < 0, $"{name}: interval [{pedestrian.Low}, {pedestrian.High}] does not lie below zero");
        }
    }
}
