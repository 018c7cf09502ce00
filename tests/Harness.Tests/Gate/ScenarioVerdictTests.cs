using Harness.Gate;

namespace Harness.Tests.Gate;

public sealed class ScenarioVerdictTests
{
    private static readonly MetricVerdict Passing = new("coco/AP", 0.4, 0.4, "-0.01", MetricOutcome.Pass);

    [Fact]
    public void Error_verdict_fails_says_error_and_claims_no_missing_baseline()
    {
        var verdict = ScenarioVerdict.ForError("s", "clip hash mismatch", isCi: false);

        Assert.True(verdict.Failed);
        Assert.Equal("error", verdict.Summary);
        Assert.False(verdict.BaselineMissing);
    }

    [Fact]
    public void Strict_fails_on_one_gated_possible_regression_among_passes()
    {
        var verdict = Verdict(Passing, Passing with { Metric = "coco/AP50", Outcome = MetricOutcome.PossibleRegression }) with { Strict = true };

        Assert.True(verdict.Failed);
        Assert.Equal("possible regression", verdict.Summary);
    }

    [Fact]
    public void Strict_does_not_fail_on_an_ungated_possible_regression()
    {
        var verdict = Verdict(Passing, Passing with { Metric = "recall@0.5/car", Outcome = MetricOutcome.PossibleRegression, Blocking = false }) with { Strict = true };

        Assert.False(verdict.Failed);
        Assert.Equal("warnings", verdict.Summary);
    }

    [Fact]
    public void One_missing_metric_among_passes_fails_in_ci()
    {
        var verdict = Verdict(Passing, Passing with { Metric = "coco/AP50", Baseline = null, Outcome = MetricOutcome.Missing });

        Assert.True(verdict.Failed);
        Assert.Equal("missing baseline", verdict.Summary);
    }

    [Fact]
    public void One_improved_metric_among_passes_is_an_improvement()
    {
        var verdict = Verdict(Passing, Passing with { Metric = "coco/AP50", Outcome = MetricOutcome.Improved });

        Assert.True(verdict.Improved);
        Assert.Equal("improved", verdict.Summary);
    }

    private static ScenarioVerdict Verdict(params MetricVerdict[] metrics) => new("s", metrics, [], BaselineMissing: false, IsCi: true);
}
