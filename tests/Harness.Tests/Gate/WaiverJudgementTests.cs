using Harness.Gate;
using Harness.Metrics.Bootstrap;
using Harness.Reporting;
using Harness.Scenarios;

namespace Harness.Tests.Gate;

/// <summary>A regression judged against its metric's waiver: waived within the change it allows, failing beyond it.</summary>
public sealed class WaiverJudgementTests
{
    private const string AP = "coco/AP";
    private static readonly GatePolicy PullRequest = new(RunKind.PullRequest, IsCi: true);
    private static readonly GateRule ApDrop = new(AP, null, null, new Tolerance(0.01, false), RunKind.Always);
    private static readonly Waiver ApWaiver = new("s", AP, new Tolerance(0.05, false), "alice@example.com", "night retrain lands in #412", new DateOnly(2027, 1, 31), 45);

    [Theory]
    [InlineData(0.35, MetricOutcome.Waived)] // exactly the waiver's allowance
    [InlineData(0.350001, MetricOutcome.Waived)]
    [InlineData(0.349999, MetricOutcome.Regressed)] // one stored digit beyond it
    [InlineData(0.395, MetricOutcome.Pass)] // within the gate: the waiver is not needed
    public void Without_an_interval_the_point_change_is_judged_against_the_waiver(double measured, MetricOutcome expected)
    {
        var row = Row(Subject(ApWaiver, ApDrop), measured, 0.40, GateEvidence.PointValuesOnly());

        Assert.Equal(expected, row.Outcome);
        Assert.Equal(expected == MetricOutcome.Pass ? null : ApWaiver, row.Waiver);
    }

    [Theory]
    [InlineData(-0.04, -0.03, -0.02, MetricOutcome.Waived)] // surely beyond the gate, wholly within the waiver
    [InlineData(-0.07, -0.04, -0.02, MetricOutcome.Waived)] // the worse end beyond the waiver: not surely beyond it
    [InlineData(-0.07, -0.06, -0.04, MetricOutcome.PossibleRegression)] // the point beyond the waiver, the interval reaching back inside
    [InlineData(-0.08, -0.07, -0.06, MetricOutcome.Regressed)] // wholly beyond the waiver
    public void An_interval_is_judged_against_the_waiver_by_the_gate_s_own_rule(double low, double change, double high, MetricOutcome expected)
    {
        var row = Row(Subject(ApWaiver, ApDrop), 0.40 + change, 0.40, Evidence(AP, new ChangeInterval(0.40, 0.40 + change, low, high, 100_000)));

        Assert.Equal(expected, row.Outcome);
    }

    [Fact]
    public void A_non_inferiority_gate_waives_only_an_interval_wholly_within_the_waiver()
    {
        var gate = ApDrop with { Decide = DecisionRule.NonInferiority };
        var within = Evidence(AP, new ChangeInterval(0.40, 0.37, -0.05, -0.01, 100_000));
        var reaching = Evidence(AP, new ChangeInterval(0.40, 0.37, -0.051, -0.01, 100_000));

        Assert.Equal(MetricOutcome.Waived, Row(Subject(ApWaiver, gate), 0.37, 0.40, within).Outcome);
        Assert.Equal(MetricOutcome.Regressed, Row(Subject(ApWaiver, gate), 0.37, 0.40, reaching).Outcome);
    }

    [Fact]
    public void A_waived_regression_passes_the_scenario_and_the_table_names_owner_and_reason()
    {
        var verdict = Evaluate(Subject(ApWaiver, ApDrop), 0.37, 0.40, GateEvidence.PointValuesOnly());

        Assert.False(verdict.Failed);
        Assert.Equal(0, verdict.Warnings);
        Assert.Equal("waived", verdict.Summary);
        Assert.Equal(VerdictTone.Warning, VerdictTones.Of(verdict));
        Assert.Equal([ApWaiver], verdict.Waivers);
        var row = Assert.Single(verdict.Metrics);
        Assert.Equal("-0.01, waived to -0.05", row.Allowed);
        Assert.Equal("waived by alice@example.com until 2027-01-31: night retrain lands in #412", MetricFormat.Outcome(row));
        Assert.Contains("waived by alice@example.com until 2027-01-31: night retrain lands in #412", VerdictTable.Format(verdict), StringComparison.Ordinal);
    }

    [Fact]
    public void A_regression_beyond_the_waiver_fails_and_names_the_waiver_s_owner()
    {
        var verdict = Evaluate(Subject(ApWaiver, ApDrop), 0.30, 0.40, GateEvidence.PointValuesOnly());

        Assert.True(verdict.Failed);
        Assert.Equal("regressed", verdict.Summary);
        Assert.Equal("regressed (beyond the waiver of alice@example.com)", MetricFormat.Outcome(Assert.Single(verdict.Metrics)));
    }

    [Fact]
    public void A_waiver_narrower_than_the_gate_never_makes_a_possible_regression_sure()
    {
        var narrow = ApWaiver with { AllowedChange = new Tolerance(0.001, false) };

        var row = Row(Subject(narrow, ApDrop), 0.38, 0.40, Evidence(AP, new ChangeInterval(0.40, 0.38, -0.03, -0.005, 100_000)));

        Assert.Equal(MetricOutcome.PossibleRegression, row.Outcome);
    }

    [Fact]
    public void A_relative_waiver_allows_a_share_of_the_baseline_value()
    {
        var relative = ApWaiver with { AllowedChange = new Tolerance(0.1, true) };

        Assert.Equal(MetricOutcome.Waived, Row(Subject(relative, ApDrop), 0.36, 0.40, GateEvidence.PointValuesOnly()).Outcome);
        Assert.Equal(MetricOutcome.Regressed, Row(Subject(relative, ApDrop), 0.359, 0.40, GateEvidence.PointValuesOnly()).Outcome);
    }

    [Fact]
    public void A_waiver_never_relaxes_an_absolute_bound()
    {
        var floor = new GateRule(AP, 0.39, null, null, RunKind.Always);

        var row = Row(Subject(ApWaiver, floor), 0.38, 0.40, GateEvidence.PointValuesOnly());

        Assert.Equal((MetricOutcome.Regressed, (Waiver?)null), (row.Outcome, row.Waiver));
    }

    [Fact]
    public void A_hand_edited_baseline_is_never_waived()
    {
        var edited = Evidence(AP, new ChangeInterval(0.45, 0.39, -0.07, -0.05, 100_000) { HasSpread = false });

        var row = Row(Subject(ApWaiver, ApDrop), 0.39, 0.40, edited);

        Assert.Equal(MetricOutcome.Regressed, row.Outcome);
        Assert.Null(row.Waiver);
    }

    [Theory]
    [InlineData(0.05, MetricOutcome.Waived)] // the interval reaches back inside the waiver: not surely beyond it
    [InlineData(0.03, MetricOutcome.Regressed)] // wholly beyond it
    public void An_ungated_warning_is_waived_unless_surely_beyond_the_waiver(double allowed, MetricOutcome expected)
    {
        var waiver = ApWaiver with { Metric = "recall@0.5/car", AllowedChange = new Tolerance(allowed, false) };
        var evidence = Evidence("recall@0.5/car", Resampled(0.6, 0.56, -0.06, -0.035));

        var verdict = Evaluate(Subject(waiver), 0.56, 0.6, evidence, "recall@0.5/car");

        var row = Assert.Single(verdict.Metrics);
        Assert.Equal(expected, row.Outcome);
        Assert.Equal("-0.02 (ungated: warns), waived to -" + allowed.ToString(System.Globalization.CultureInfo.InvariantCulture), row.Allowed);
        Assert.Equal(expected == MetricOutcome.Regressed ? 1 : 0, verdict.Warnings);
    }

    [Fact]
    public void A_waiver_of_another_metric_changes_nothing()
    {
        var other = ApWaiver with { Metric = "coco/AP50" };

        var row = Row(Subject(other, ApDrop), 0.37, 0.40, GateEvidence.PointValuesOnly());

        Assert.Equal((MetricOutcome.Regressed, (Waiver?)null), (row.Outcome, row.Waiver));
    }

    private static ScenarioVerdict Evaluate(GateSubject subject, double measured, double baseline, GateEvidence evidence, string metric = AP) =>
        GateEvaluator.Evaluate(subject, Snapshot(metric, measured), Snapshot(metric, baseline), evidence, GateDefaults.BuiltIn, PullRequest);

    private static MetricVerdict Row(GateSubject subject, double measured, double baseline, GateEvidence evidence) =>
        Assert.Single(Evaluate(subject, measured, baseline, evidence).Metrics);

    /// <summary>41 evenly spaced resampled changes whose 2.5% and 97.5% quantiles are exactly <paramref name="low"/> and <paramref name="high"/>.</summary>
    private static ChangeInterval Resampled(double baseline, double current, double low, double high)
    {
        var step = (high - low) / 38;
        return new ChangeInterval(baseline, current, low, high, 100_000) { Draws = [.. Enumerable.Range(-1, 41).Select(i => low + (i * step))] };
    }

    private static GateEvidence Evidence(string metric, ChangeInterval interval) =>
        new(new Dictionary<string, ChangeInterval> { [metric] = interval }, null, PipelineAgreement.NotApplicable, []);

    private static BaselineSnapshot Snapshot(string metric, double value) =>
        new("s", "clip", "model", "detections", 10, new Dictionary<string, double> { [metric] = value });

    private static GateSubject Subject(Waiver waiver, params GateRule[] gates) => new("s", "s", gates) { Waivers = [waiver] };
}
