using Harness.Gate;
using Harness.Metrics.Bootstrap;
using Harness.Scenarios;

namespace Harness.Tests.Gate;

/// <summary>The decision rules of gated metrics, the Bonferroni level over a scenario's interval gates, the power statement and the p-values.</summary>
public sealed class GateDecisionTests
{
    private const string AP = "coco/AP";
    private const string AP50 = "coco/AP50";
    private static readonly GatePolicy PullRequest = new(RunKind.PullRequest, IsCi: true);

    [Theory]
    [InlineData(-0.01, -0.002, 0.005, MetricOutcome.Pass)] // the worse end exactly at the allowance
    [InlineData(-0.0101, -0.002, 0.005, MetricOutcome.Regressed)] // one step beyond it
    [InlineData(-0.009, -0.002, 0.005, MetricOutcome.Pass)]
    [InlineData(0.011, 0.015, 0.02, MetricOutcome.Improved)]
    public void Non_inferiority_passes_only_an_interval_wholly_within_the_allowance(double low, double change, double high, MetricOutcome expected)
    {
        var gate = new GateRule(AP, null, null, new Tolerance(0.01, false), RunKind.Always, DecisionRule.NonInferiority);

        var row = Row(gate, change, Resampled(0.4, 0.4 + change, low, high));

        Assert.Equal(expected, row.Outcome);
        Assert.Equal("-0.01 (non-inferiority)", row.Allowed);
    }

    [Fact]
    public void The_same_unsure_change_passes_a_sure_regression_gate_and_fails_a_non_inferiority_one()
    {
        var interval = Resampled(0.4, 0.398, -0.0101, 0.005);

        var sure = Row(new GateRule(AP, null, null, new Tolerance(0.01, false), RunKind.Always), -0.002, interval);
        var shown = Row(new GateRule(AP, null, null, new Tolerance(0.01, false), RunKind.Always, DecisionRule.NonInferiority), -0.002, interval);

        Assert.Equal((MetricOutcome.Pass, MetricOutcome.Regressed), (sure.Outcome, shown.Outcome));
    }

    [Fact]
    public void Two_interval_gates_are_each_judged_at_97_5_percent_and_ungated_metrics_stay_at_95()
    {
        GateRule[] gates = [new(AP, null, null, new Tolerance(0.01, false), RunKind.Always), new(AP50, null, null, new Tolerance(0.01, false), RunKind.Always)];
        var interval = Resampled(0.4, 0.39, -0.02, 0.0);
        var evidence = Evidence((AP, interval), (AP50, interval), ("recall@0.5", interval));
        var run = Snapshot((AP, 0.39), (AP50, 0.39), ("recall@0.5", 0.39));
        var baseline = Snapshot((AP, 0.4), (AP50, 0.4), ("recall@0.5", 0.4));

        var rows = GateEvaluator.Evaluate(new GateSubject("s", "s", gates), run, baseline, evidence, GateDefaults.BuiltIn, PullRequest).Metrics.ToDictionary(m => m.Metric);

        // 41 draws one step (0.02 / 38) apart from -0.02 - step: the 1.25% quantile sits half a step below -0.02.
        var step = 0.02 / 38;
        Assert.Equal((0.975, -0.02 - (step / 2), step / 2), (rows[AP].Confidence!.Value, rows[AP].Low!.Value, rows[AP].High!.Value), new Tolerance3());
        Assert.Equal(0.975, rows[AP50].Confidence);
        Assert.Equal((0.95, -0.02, 0.0), (rows["recall@0.5"].Confidence!.Value, rows["recall@0.5"].Low!.Value, rows["recall@0.5"].High!.Value), new Tolerance3());
    }

    [Fact]
    public void A_timing_gate_does_not_count_towards_the_interval_gates()
    {
        GateRule[] gates = [new(AP, null, null, new Tolerance(0.01, false), RunKind.Always), new("latency/p99_ms", null, null, new Tolerance(0.5, true), RunKind.Always)];

        Assert.Equal(0.95, new GateSubject("s", "s", gates).GatedConfidence(RunKind.PullRequest, 0.95));
    }

    [Fact]
    public void A_gate_of_another_kind_of_run_does_not_count_either()
    {
        GateRule[] gates = [new(AP, null, null, new Tolerance(0.01, false), RunKind.Always), new(AP50, null, null, new Tolerance(0.01, false), RunKind.Nightly)];
        var subject = new GateSubject("s", "s", gates);

        Assert.Equal((0.95, 0.975), (subject.GatedConfidence(RunKind.PullRequest, 0.95), subject.GatedConfidence(RunKind.Nightly, 0.95)), new Tolerance3());
    }

    [Fact]
    public void Power_is_the_chance_a_change_of_twice_the_allowance_lands_wholly_beyond_it()
    {
        // Width 0.04 at 95%: SE = 0.04 / 3.92; twice an allowance of 0.04 is caught with Phi(0.04 / SE - 1.96) = Phi(1.96) = 0.975.
        var row = Row(new GateRule(AP, null, null, new Tolerance(0.04, false), RunKind.Always), -0.045, Resampled(0.4, 0.355, -0.065, -0.025));

        Assert.Equal(MetricOutcome.PossibleRegression, row.Outcome);
        Assert.Equal(0.975, row.Power!.Value, 6);
    }

    [Fact]
    public void When_no_resample_moved_a_metric_its_interval_spans_the_change_that_could_go_unseen_among_its_objects()
    {
        // 1,000 objects at 95%: -ln(0.025) / 1000 = 0.003689 either side of the change (the rule of three).
        var still = new ChangeInterval(0.4, 0.4, 0, 0, 1000) { Draws = [0, 0, 0, 0] };
        var statistics = GateDefaults.BuiltIn.Statistics;

        var (low, high) = ChangeBounds.Of(still, 0.95, statistics, unseen: true);
        var same = ChangeBounds.Of(still, 0.95, statistics, unseen: false);

        Assert.Equal((-0.0036889, 0.0036889), (Math.Round(low, 7), Math.Round(high, 7)));
        Assert.Equal((0.0, 0.0), same);
    }

    [Fact]
    public void An_interval_wider_than_the_unseen_change_keeps_its_ends()
    {
        var wide = new ChangeInterval(0.4, 0.39, -0.03, 0.01, 1000);

        Assert.Equal((-0.03, 0.01), ChangeBounds.Of(wide, 0.95, GateDefaults.BuiltIn.Statistics, unseen: true));
    }

    [Theory]
    [InlineData(0.0, 1.0)] // the point is at the limit: every draw within it
    [InlineData(0.003, 0.0497871)] // beyond by 3 objects' worth of 1,000: exp(-0.003 * 1000), above the draws' 1 / 1000
    [InlineData(0.01, 0.001)] // beyond by 10 objects' worth: exp(-10) is below the draws' 1 / 1000, which stands
    public void The_p_value_is_never_below_the_tail_at_which_the_unseen_change_reaches_the_limit(double beyond, double expected)
    {
        // 999 draws, each the point change, worse than the limit by `beyond`.
        var change = -(0.02 + beyond);
        var interval = new ChangeInterval(0.4, 0.4 + change, change, change, 1000) { Draws = [.. Enumerable.Repeat(change, 999)] };

        var p = ChangeBounds.PValue(interval, 0, 0.02, higherIsBetter: true, unseen: true);

        Assert.Equal(expected, p, 6);
    }

    [Fact]
    public void A_zero_width_interval_catches_every_change()
    {
        Assert.Equal(1.0, ChangeBounds.Power(-0.02, -0.02, 0.95, 0.01));
    }

    [Fact]
    public void The_p_value_counts_the_resamples_within_the_allowance_plus_one_over_the_resamples_plus_one()
    {
        // Draws -0.03 .. 0.01 in steps of 0.01, limit 0.015: worsening 0.03, 0.02 beyond; 0.01, 0, -0.01 within.
        var interval = new ChangeInterval(0.5, 0.49, -0.03, 0.01, 1000) { Draws = [-0.03, -0.02, -0.01, 0, 0.01] };
        Assert.Equal(4.0 / 6, ChangeBounds.PValue(interval, 0, 0.015, higherIsBetter: true, unseen: false), 12);
        Assert.Equal(6.0 / 6, ChangeBounds.PValue(interval, 0, 0.015, higherIsBetter: false, unseen: false), 12);
        Assert.Equal(1.0 / 6, ChangeBounds.PValue(interval, -0.05, 0.015, higherIsBetter: true, unseen: false), 12);
    }

    [Fact]
    public void Ungated_changes_are_judged_together_so_one_borderline_p_value_among_many_harmless_ones_does_not_warn()
    {
        // 41 draws give p = 1/42 = 0.0238 when every draw is beyond: alone it is a discovery (<= 0.05);
        // among 20 metrics BH needs p_(1) <= 0.0025.
        var beyond = Resampled(0.6, 0.5, -0.15, -0.05);
        var still = Resampled(0.6, 0.6, -0.001, 0.001);
        var names = Enumerable.Range(0, 20).Select(i => $"recall@0.5/c{i}").ToList();
        var evidence = new GateEvidence(names.ToDictionary(n => n, n => n == names[0] ? beyond : still), null, PipelineAgreement.NotApplicable, []);
        var run = new BaselineSnapshot("s", "c", "m", "d", 10, names.ToDictionary(n => n, n => n == names[0] ? 0.5 : 0.6));
        var baseline = new BaselineSnapshot("s", "c", "m", "d", 10, names.ToDictionary(n => n, _ => 0.6));

        var many = GateEvaluator.Evaluate(new GateSubject("s", "s", []), run, baseline, evidence, GateDefaults.BuiltIn, PullRequest);
        var alone = GateEvaluator.Evaluate(new GateSubject("s", "s", []), Snapshot((names[0], 0.5)), Snapshot((names[0], 0.6)), Evidence((names[0], beyond)), GateDefaults.BuiltIn, PullRequest);

        Assert.Equal(0, many.Warnings);
        Assert.Equal(1, alone.Warnings);
        Assert.Contains("ungated metrics judged as one family of 20 at a 5% false discovery rate (Benjamini-Hochberg)", many.Notes[0], StringComparison.Ordinal);
    }

    private static MetricVerdict Row(GateRule gate, double change, ChangeInterval interval) =>
        GateEvaluator.Evaluate(new GateSubject("s", "s", [gate]), Snapshot((gate.Metric, 0.4 + change)), Snapshot((gate.Metric, 0.4)),
            Evidence((gate.Metric, interval)), GateDefaults.BuiltIn, PullRequest).Metrics.Single(m => m.Metric == gate.Metric);

    /// <summary>41 draws whose 2.5% and 97.5% type-7 quantiles are exactly the ends, one step beyond each.</summary>
    private static ChangeInterval Resampled(double baseline, double current, double low, double high)
    {
        var step = (high - low) / 38;
        return new ChangeInterval(baseline, current, low, high, 100_000) { Draws = [.. Enumerable.Range(-1, 41).Select(i => low + (i * step))] };
    }

    private static GateEvidence Evidence(params (string Name, ChangeInterval Interval)[] intervals) =>
        new(intervals.ToDictionary(i => i.Name, i => i.Interval), null, PipelineAgreement.NotApplicable, []);

    private static BaselineSnapshot Snapshot(params (string Name, double Value)[] metrics) =>
        new("s", "clip", "model", "detections", 10, metrics.ToDictionary(m => m.Name, m => m.Value));

    /// <summary>Tuples of doubles equal to 1e-12.</summary>
    private sealed class Tolerance3 : IEqualityComparer<(double, double, double)>, IEqualityComparer<(double, double)>
    {
        public bool Equals((double, double, double) x, (double, double, double) y) =>
            Math.Abs(x.Item1 - y.Item1) < 1e-12 && Math.Abs(x.Item2 - y.Item2) < 1e-12 && Math.Abs(x.Item3 - y.Item3) < 1e-12;

        public bool Equals((double, double) x, (double, double) y) => Math.Abs(x.Item1 - y.Item1) < 1e-12 && Math.Abs(x.Item2 - y.Item2) < 1e-12;

        public int GetHashCode((double, double, double) obj) => 0;

        public int GetHashCode((double, double) obj) => 0;
    }
}
