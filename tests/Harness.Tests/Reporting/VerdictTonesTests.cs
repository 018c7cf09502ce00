using Harness.Gate;
using Harness.Reporting;

namespace Harness.Tests.Reporting;

/// <summary>The one verdict-to-tone map every report (console, Markdown, HTML, forest plot) reads.</summary>
public class VerdictTonesTests
{
    [Theory]
    [InlineData(MetricOutcome.Regressed, true, VerdictTone.Failure)]
    [InlineData(MetricOutcome.Regressed, false, VerdictTone.Warning)]
    [InlineData(MetricOutcome.Error, true, VerdictTone.Failure)]
    [InlineData(MetricOutcome.Error, false, VerdictTone.Warning)]
    [InlineData(MetricOutcome.Missing, true, VerdictTone.Failure)]
    [InlineData(MetricOutcome.Missing, false, VerdictTone.Failure)]
    [InlineData(MetricOutcome.PossibleRegression, true, VerdictTone.Warning)]
    [InlineData(MetricOutcome.PossibleRegression, false, VerdictTone.Warning)]
    [InlineData(MetricOutcome.Improved, true, VerdictTone.Improved)]
    [InlineData(MetricOutcome.LowSupport, true, VerdictTone.Muted)]
    [InlineData(MetricOutcome.Skipped, true, VerdictTone.Muted)]
    [InlineData(MetricOutcome.Pass, true, VerdictTone.Pass)]
    public void Metric_row_fails_only_when_gated_and_warns_otherwise(MetricOutcome outcome, bool gated, VerdictTone tone) =>
        Assert.Equal(tone, VerdictTones.Of(new MetricVerdict("coco/AP", 0.4, 0.3, "-0.005", outcome) { Blocking = gated }));

    [Fact]
    public void Scenario_failure_outranks_a_warning_which_outranks_an_improvement()
    {
        var regressed = Row(MetricOutcome.Regressed);
        var possible = Row(MetricOutcome.PossibleRegression);
        var improved = Row(MetricOutcome.Improved);

        Assert.Equal(VerdictTone.Failure, VerdictTones.Of(Verdict([regressed, possible, improved])));
        Assert.Equal(VerdictTone.Warning, VerdictTones.Of(Verdict([possible, improved])));
        Assert.Equal(VerdictTone.Improved, VerdictTones.Of(Verdict([improved, Row(MetricOutcome.Pass)])));
        Assert.Equal(VerdictTone.Pass, VerdictTones.Of(Verdict([Row(MetricOutcome.Pass), Row(MetricOutcome.LowSupport)])));
    }

    [Fact]
    public void Missing_baseline_is_missing_locally_and_a_failure_in_ci()
    {
        MetricVerdict[] rows = [Row(MetricOutcome.Missing)];

        Assert.Equal(VerdictTone.Missing, VerdictTones.Of(new ScenarioVerdict("s", rows, [], BaselineMissing: true, IsCi: false)));
        Assert.Equal(VerdictTone.Failure, VerdictTones.Of(new ScenarioVerdict("s", rows, [], BaselineMissing: true, IsCi: true)));
    }

    [Fact]
    public void Scenario_that_could_not_run_is_a_failure() =>
        Assert.Equal(VerdictTone.Failure, VerdictTones.Of(new ScenarioVerdict("s", [], [], BaselineMissing: false, IsCi: false, Error: "corrupt clip")));

    private static MetricVerdict Row(MetricOutcome outcome) => new("coco/AP", 0.4, 0.3, "-0.005", outcome);

    private static ScenarioVerdict Verdict(IReadOnlyList<MetricVerdict> rows) => new("s", rows, [], BaselineMissing: false, IsCi: false);
}
