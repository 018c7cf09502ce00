using Harness.Gate;
using Harness.Reporting;
using Harness.Suite;

namespace Harness.Scenarios.Tests;

/// <summary>
/// Proof that the gate bites and tells what moved: the deliberately degraded reference model must fail against the
/// good baseline, sure of it (every failing gated metric's whole interval lies beyond its allowance), and say how
/// many objects it lost; the mixed model must show its trade-off, cars better and pedestrians worse, each sure.
/// </summary>
public sealed class CanaryTests
{
    [Fact]
    [Trait("Category", "canary")]
    public void Degraded_model_is_caught_as_a_regression()
    {
        var report = GateSuite.RunOne(ScenarioCatalog.Get("detector-degraded"), ScenarioCatalog.Options(RunKind.PullRequest));

        Assert.True(report.Verdict.Error is null, report.Verdict.Error);
        Assert.True(report.Verdict.Failed);
        var gated = report.Verdict.Metrics.Where(m => m.Blocking && m.Outcome == MetricOutcome.Regressed && m.Allowance is not null).ToList();
        Assert.Contains(gated, m => m.Metric == "coco/AP");
        Assert.All(gated, m => Assert.True(m.High < -m.Allowance, $"{m.Metric}: interval [{m.Low}, {m.High}] reaches the allowance -{m.Allowance}"));
        var flips = report.Verdict.Flips!;
        Assert.True(flips.Lost > 0);
        Assert.Contains($"{report.Scenario.Id}: {flips.Lost} objects lost", MarkdownReporter.Render(new SuiteReport([report], RunKind.PullRequest, IsCi: true)), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "canary")]
    public void Mixed_model_shows_cars_improved_and_pedestrians_regressed_with_intervals_that_exclude_no_change()
    {
        var report = GateSuite.RunOne(ScenarioCatalog.Get("detector-mixed"), ScenarioCatalog.Options(RunKind.PullRequest));

        Assert.True(report.Verdict.Error is null, report.Verdict.Error);
        var metrics = report.Verdict.Metrics.ToDictionary(m => m.Metric);
        foreach (var name in new[] { "coco/AP50/car", "recall@0.5/car" })
        {
            var car = metrics[name];
            Assert.True(car.Low > 0, $"{name}: interval [{car.Low}, {car.High}] does not lie above zero");
        }

        foreach (var name in new[] { "coco/AP50/pedestrian", "recall@0.5/pedestrian" })
        {
            var pedestrian = metrics[name];
            Assert.True(pedestrian.High < 0, $"{name}: interval [{pedestrian.Low}, {pedestrian.High}] does not lie below zero");
            Assert.Equal(MetricOutcome.Regressed, pedestrian.Outcome);
        }
    }
}
