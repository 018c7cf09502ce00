using Harness.Gate;
using Harness.Metrics;
using Harness.Metrics.Bootstrap;
using Harness.Scenarios;

namespace Harness.Tests.Gate;

public sealed class GateEvaluatorTests
{
    private const string AP = "coco/AP";
    private static readonly GatePolicy PullRequest = new(RunKind.PullRequest, IsCi: true);
    private static readonly GateRule ApDrop = new(AP, null, null, new Tolerance(0.01, false), RunKind.Always);

    [Fact]
    public void Identical_run_passes_every_metric()
    {
        var snapshot = Snapshot((AP, 0.4), ("fp_per_frame", 1.5));

        var verdict = Evaluate(Scenario(), snapshot, snapshot);

        Assert.False(verdict.Failed);
        Assert.Equal("pass", verdict.Summary);
        Assert.All(verdict.Metrics, m => Assert.Equal(MetricOutcome.Pass, m.Outcome));
    }

    [Theory]
    [InlineData(0.39, MetricOutcome.Pass)] // exactly the allowed drop
    [InlineData(0.390001, MetricOutcome.Pass)]
    [InlineData(0.389999, MetricOutcome.Regressed)] // one stored digit beyond it
    [InlineData(0.41, MetricOutcome.Pass)] // exactly the allowance on the better side
    [InlineData(0.410001, MetricOutcome.Improved)]
    public void Without_an_interval_the_point_change_is_judged_against_the_allowance(double measured, MetricOutcome expected)
    {
        Assert.Equal(expected, Row(Scenario(ApDrop), Snapshot((AP, measured)), Snapshot((AP, 0.40)), GateEvidence.PointValuesOnly()).Outcome);
    }

    [Theory]
    [InlineData(-0.03, -0.02, -0.011, MetricOutcome.Regressed)] // the whole interval is beyond the allowed drop
    [InlineData(-0.03, -0.02, -0.01, MetricOutcome.PossibleRegression)] // the interval touches the allowance
    [InlineData(-0.03, -0.02, 0.005, MetricOutcome.PossibleRegression)]
    [InlineData(-0.02, -0.01, 0.005, MetricOutcome.Pass)] // point exactly at the allowance
    [InlineData(-0.02, -0.005, 0.02, MetricOutcome.Pass)]
    [InlineData(-0.005, 0.02, 0.03, MetricOutcome.Pass)] // better beyond the allowance, but not surely
    [InlineData(0.01, 0.02, 0.03, MetricOutcome.Pass)] // interval starts exactly at the allowance
    [InlineData(0.011, 0.02, 0.03, MetricOutcome.Improved)]
    public void Gated_metric_verdict_follows_where_the_interval_lies(double low, double change, double high, MetricOutcome expected)
    {
        var baseline = Snapshot((AP, 0.40));
        var measured = Snapshot((AP, 0.40 + change));

        var row = Row(Scenario(ApDrop), measured, baseline, Evidence((AP, new ChangeInterval(0.40, 0.40 + change, low, high, 100_000))));

        Assert.Equal(expected, row.Outcome);
        Assert.True(row.Blocking);
        Assert.Equal(low, row.Low!.Value, 12);
        Assert.Equal(high, row.High!.Value, 12);
    }

    [Theory]
    [InlineData(-0.02, MetricOutcome.Regressed)] // beyond the allowance: no spread to make it only possible
    [InlineData(-0.01, MetricOutcome.Pass)] // exactly at the allowance
    public void Interval_without_spread_is_judged_on_the_point_change_and_shows_no_interval(double change, MetricOutcome expected)
    {
        var baseline = Snapshot((AP, 0.40));
        var measured = Snapshot((AP, 0.40 + change));
        var narrow = new ChangeInterval(0.40, 0.40 + change, -0.5, 0.5, 100_000) { HasSpread = false };

        var row = Row(Scenario(ApDrop), measured, baseline, Evidence((AP, narrow)));

        Assert.Equal(expected, row.Outcome);
        Assert.Null(row.Low);
        Assert.Null(row.High);
        Assert.Equal(100_000, row.Support);
    }

    [Fact]
    public void Interval_without_spread_still_catches_a_hand_edited_baseline()
    {
        var evidence = Evidence(("recall@0.5/car", new ChangeInterval(0.40, 0.40, 0.40, 0.40, 100_000) { HasSpread = false }));

        var verdict = Evaluate(Scenario(), Snapshot(("recall@0.5/car", 0.40)), Snapshot(("recall@0.5/car", 0.45)), evidence);

        Assert.Equal(MetricOutcome.Regressed, Assert.Single(verdict.Metrics).Outcome);
    }

    [Theory]
    [InlineData(12, MetricOutcome.Pass)] // exactly +20%
    [InlineData(12.0001, MetricOutcome.Regressed)]
    [InlineData(8, MetricOutcome.Pass)]
    [InlineData(7.9999, MetricOutcome.Improved)]
    public void Lower_is_better_metrics_regress_upwards(double measured, MetricOutcome expected)
    {
        var scenario = Scenario(new GateRule("latency/p99_ms", null, null, new Tolerance(0.2, true), RunKind.Always));

        Assert.Equal(expected, Row(scenario, Snapshot(("latency/p99_ms", measured)), Snapshot(("latency/p99_ms", 10)), GateEvidence.PointValuesOnly()).Outcome);
    }

    [Fact]
    public void Lower_is_better_interval_is_read_in_its_own_direction()
    {
        var scenario = Scenario(new GateRule("fp_per_frame", null, null, new Tolerance(0.5, false), RunKind.Always));
        var baseline = Snapshot(("fp_per_frame", 2));

        var sure = Row(scenario, Snapshot(("fp_per_frame", 3)), baseline, Evidence(("fp_per_frame", new ChangeInterval(2, 3, 0.6, 1.4, 100_000))));
        var unsure = Row(scenario, Snapshot(("fp_per_frame", 3)), baseline, Evidence(("fp_per_frame", new ChangeInterval(2, 3, 0.4, 1.4, 100_000))));
        var better = Row(scenario, Snapshot(("fp_per_frame", 1)), baseline, Evidence(("fp_per_frame", new ChangeInterval(2, 1, -1.4, -0.6, 100_000))));

        Assert.Equal(MetricOutcome.Regressed, sure.Outcome);
        Assert.Equal(MetricOutcome.PossibleRegression, unsure.Outcome);
        Assert.Equal(MetricOutcome.Improved, better.Outcome);
    }

    [Theory]
    [InlineData(0.5, MetricOutcome.Pass)]
    [InlineData(0.499999, MetricOutcome.Regressed)]
    public void Absolute_floor_is_a_hard_limit(double measured, MetricOutcome expected)
    {
        var scenario = Scenario(new GateRule(AP, 0.5, null, null, RunKind.Always));
        var run = Snapshot((AP, measured));

        Assert.Equal(expected, Row(scenario, run, run, GateEvidence.PointValuesOnly()).Outcome);
    }

    [Theory]
    [InlineData(5, MetricOutcome.Pass)]
    [InlineData(5.00001, MetricOutcome.Regressed)]
    public void Absolute_ceiling_is_a_hard_limit(double measured, MetricOutcome expected)
    {
        var scenario = Scenario(new GateRule("fp_per_frame", null, 5, null, RunKind.Always));
        var run = Snapshot(("fp_per_frame", measured));

        Assert.Equal(expected, Row(scenario, run, run, GateEvidence.PointValuesOnly()).Outcome);
    }

    [Fact]
    public void Absolute_bound_gates_even_a_metric_of_low_support()
    {
        var scenario = Scenario(new GateRule(AP, 0.5, null, null, RunKind.Always));
        var run = Snapshot((AP, 0.4));

        var row = Row(scenario, run, run, Evidence((AP, new ChangeInterval(0.4, 0.4, 0, 0, 3))));

        Assert.Equal(MetricOutcome.Regressed, row.Outcome);
        Assert.True(row.Blocking);
    }

    [Fact]
    public void Ungated_metric_is_judged_by_its_family_rule_and_only_warns()
    {
        var baseline = Snapshot(("recall@0.5/car", 0.60));
        var measured = Snapshot(("recall@0.5/car", 0.50));

        var verdict = Evaluate(Scenario(), measured, baseline, Evidence(("recall@0.5/car", Resampled(0.6, 0.5, -0.15, -0.05, 100_000))));

        var row = Assert.Single(verdict.Metrics);
        Assert.Equal(MetricOutcome.Regressed, row.Outcome);
        Assert.Equal(1.0 / 42, row.PValue!.Value, 12);
        Assert.False(row.Blocking);
        Assert.Equal("-0.02 (ungated: warns)", row.Allowed);
        Assert.False(verdict.Failed);
        Assert.Equal(1, verdict.Warnings);
        Assert.Equal("warnings", verdict.Summary);
    }

    [Theory]
    [InlineData(-0.02, MetricOutcome.Pass)]
    [InlineData(-0.021, MetricOutcome.Regressed)]
    public void Ungated_family_allowance_boundary(double change, MetricOutcome expected)
    {
        var evidence = Evidence(("recall@0.5/car", Resampled(0.6, 0.6 + change, change, change, 100_000)));

        var row = Row(Scenario(), Snapshot(("recall@0.5/car", 0.6 + change)), Snapshot(("recall@0.5/car", 0.6)), evidence);

        Assert.Equal(expected, row.Outcome);
    }

    [Fact]
    public void Ungated_metric_without_resamples_is_shown_and_never_warned_on_a_point_estimate()
    {
        var verdict = Evaluate(Scenario(), Snapshot(("recall@0.5/car", 0.3)), Snapshot(("recall@0.5/car", 0.6)), GateEvidence.PointValuesOnly());

        Assert.Equal((MetricOutcome.Pass, (double?)null), (Assert.Single(verdict.Metrics).Outcome, verdict.Metrics[0].PValue));
        Assert.Equal(0, verdict.Warnings);
    }

    [Fact]
    public void Family_that_fails_makes_an_ungated_regression_blocking()
    {
        var defaults = GateDefaults.BuiltIn with { Ungated = [new MetricFamilyRule("recall@0.5", new Tolerance(0.02, false), null, Fails: true)] };

        var evidence = Evidence(("recall@0.5/car", Resampled(0.6, 0.5, -0.12, -0.08, 100_000)));

        var verdict = GateEvaluator.Evaluate(Scenario(), Snapshot(("recall@0.5/car", 0.5)), Snapshot(("recall@0.5/car", 0.6)), evidence, defaults, PullRequest);

        Assert.True(Assert.Single(verdict.Metrics).Blocking);
        Assert.True(verdict.Failed);
        Assert.Equal("regressed", verdict.Summary);
    }

    [Fact]
    public void Metric_of_no_family_allows_no_change_and_warns()
    {
        var defaults = GateDefaults.BuiltIn with { Ungated = [] };

        var evidence = Evidence(("recall@0.5/car", Resampled(0.6, 0.59, -0.02, -0.005, 100_000)));

        var verdict = GateEvaluator.Evaluate(Scenario(), Snapshot(("recall@0.5/car", 0.59)), Snapshot(("recall@0.5/car", 0.6)), evidence, defaults, PullRequest);

        var row = Assert.Single(verdict.Metrics);
        Assert.Equal("no change (ungated: warns)", row.Allowed);
        Assert.Equal(MetricOutcome.Regressed, row.Outcome);
        Assert.False(verdict.Failed);
    }

    /// <summary>Changed behaviour: a gated metric below its support used to pass as "low support", a sure 0.10 drop included.</summary>
    [Theory]
    [InlineData(29, true)]
    [InlineData(30, false)]
    [InlineData(31, false)]
    public void Gated_metric_below_minimum_support_makes_the_scenario_an_error_and_never_passes(long support, bool error)
    {
        // An allowance of 0.75 is resolvable from 30 objects on (2 (1.96 + 1.28)^2 / 30 = 0.70), so only the support decides here.
        var gate = new GateRule(AP, null, null, new Tolerance(0.75, false), RunKind.Always);
        var measured = Snapshot((AP, 0.3)) with { Supports = new Dictionary<string, long> { [AP] = support } };

        var verdict = Evaluate(Scenario(gate), measured, Snapshot((AP, 0.4)), Evidence((AP, new ChangeInterval(0.4, 0.3, -0.12, -0.08, support))));

        Assert.Equal(error, verdict.Failed);
        Assert.Equal(error, verdict.Error is not null);
        Assert.Equal(support, Assert.Single(verdict.Metrics).Support);
        if (error)
        {
            Assert.Equal("error", verdict.Summary);
            Assert.Equal("gates this clip cannot resolve: coco/AP: computed over 29 truth objects, fewer than min_support 30; the clip resolves a change of 0.7246 or more, " +
                "the gate allows 0.75: lengthen the clip or widen the allowance", verdict.Error);
        }
    }

    [Theory]
    [InlineData(0.2102, false)]
    [InlineData(0.2101, true)]
    public void Gated_allowance_below_what_the_clip_resolves_is_an_error(double allowance, bool error)
    {
        // 100 objects at 95%: 2 (1.959964 + 1.281552)^2 / 100 = 0.210149.
        var gate = new GateRule(AP, null, null, new Tolerance(allowance, false), RunKind.Always);
        var run = Snapshot((AP, 0.4)) with { Supports = new Dictionary<string, long> { [AP] = 100 } };

        var verdict = Evaluate(Scenario(gate), run, run);

        Assert.Equal(error, verdict.Error is not null);
        if (error)
        {
            Assert.Contains("coco/AP: computed over 100 truth objects, the clip resolves a change of 0.2101 or more at the gate's 95% level, the gate allows 0.2101", verdict.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Family_minimum_support_overrides_the_suite_minimum()
    {
        var defaults = GateDefaults.BuiltIn with { Ungated = [new MetricFamilyRule("recall@0.5", new Tolerance(0.02, false), 5, Fails: false)] };
        // Five objects all lost: a drop of 1 is beyond what could go unseen among five (p = exp(-0.98 * 5) = 0.007).
        var evidence = Evidence(("recall@0.5/car", Resampled(1, 0, -1, -1, 5)));
        var lower = Evidence(("recall@0.5/car", Resampled(1, 0, -1, -1, 4)));

        var verdict = GateEvaluator.Evaluate(Scenario(), Snapshot(("recall@0.5/car", 0.0)), Snapshot(("recall@0.5/car", 1.0)), evidence, defaults, PullRequest);
        var below = GateEvaluator.Evaluate(Scenario(), Snapshot(("recall@0.5/car", 0.0)), Snapshot(("recall@0.5/car", 1.0)), lower, defaults, PullRequest);

        Assert.Equal(MetricOutcome.Regressed, Assert.Single(verdict.Metrics).Outcome);
        Assert.Equal(MetricOutcome.LowSupport, Assert.Single(below.Metrics).Outcome);
    }

    [Fact]
    public void Possible_regression_fails_by_default_and_warns_where_the_settings_say_warn_unless_strict()
    {
        var evidence = Evidence((AP, new ChangeInterval(0.4, 0.38, -0.03, 0.0, 100_000)));
        var baseline = Snapshot((AP, 0.4));
        var measured = Snapshot((AP, 0.38));
        var warn = GateDefaults.BuiltIn with { Statistics = GateDefaults.BuiltIn.Statistics with { PossibleRegressionFails = false } };

        var byDefault = GateEvaluator.Evaluate(Scenario(ApDrop), measured, baseline, evidence, GateDefaults.BuiltIn, PullRequest);
        var lenient = GateEvaluator.Evaluate(Scenario(ApDrop), measured, baseline, evidence, warn, PullRequest);
        var strict = GateEvaluator.Evaluate(Scenario(ApDrop), measured, baseline, evidence, warn, PullRequest with { Strict = true });

        Assert.Equal(MetricOutcome.PossibleRegression, Assert.Single(byDefault.Metrics).Outcome);
        Assert.True(byDefault.Failed);
        Assert.Equal("possible regression", byDefault.Summary);
        Assert.False(lenient.Failed);
        Assert.Equal("warnings", lenient.Summary);
        Assert.True(strict.Failed);
        Assert.Equal("possible regression", strict.Summary);
    }

    [Theory]
    [InlineData(0.45)]
    [InlineData(0.400001)]
    [InlineData(0.399999)]
    public void Baseline_value_its_own_detections_do_not_score_to_fails_as_edited(double stored)
    {
        // The detections re-score to 0.40 on both sides, but the file claims another value: a hand edit.
        var evidence = Evidence(("recall@0.5/car", new ChangeInterval(0.40, 0.40, 0, 0, 100_000)));

        var verdict = Evaluate(Scenario(), Snapshot(("recall@0.5/car", 0.40)), Snapshot(("recall@0.5/car", stored)), evidence);

        var row = Assert.Single(verdict.Metrics);
        Assert.Equal(MetricOutcome.Regressed, row.Outcome);
        Assert.True(row.Blocking);
        Assert.Equal("baseline's detections score 0.4, not the stored value", row.Allowed);
        Assert.True(verdict.Failed);
        Assert.Equal("regressed", verdict.Summary);
    }

    [Fact]
    public void Baseline_value_equal_to_its_rescored_detections_after_rounding_is_trusted()
    {
        var evidence = Evidence((AP, new ChangeInterval(0.1234567, 0.1234567, 0, 0, 100_000)));

        var row = Row(Scenario(ApDrop), Snapshot((AP, 0.123457)), Snapshot((AP, 0.123457)), evidence);

        Assert.Equal(MetricOutcome.Pass, row.Outcome);
    }

    [Fact]
    public void Nightly_rule_is_skipped_on_pull_requests_and_applied_nightly()
    {
        var scenario = Scenario(new GateRule("latency/p99_ms", null, 5, null, RunKind.Nightly));
        var run = Snapshot(("latency/p99_ms", 9));

        Assert.Equal(MetricOutcome.Skipped, Row(scenario, run, run, GateEvidence.PointValuesOnly()).Outcome);
        var nightly = GateEvaluator.Evaluate(scenario, run, run, GateEvidence.PointValuesOnly(), GateDefaults.BuiltIn, new GatePolicy(RunKind.Nightly, IsCi: true));
        Assert.Equal(MetricOutcome.Regressed, nightly.Metrics.Single(m => m.Metric == "latency/p99_ms").Outcome);
    }

    [Fact]
    public void Missing_baseline_fails_in_ci_only()
    {
        var run = Snapshot((AP, 0.4));

        var ci = Evaluate(Scenario(), run, null);
        var local = GateEvaluator.Evaluate(Scenario(), run, null, GateEvidence.PointValuesOnly(), GateDefaults.BuiltIn, PullRequest with { IsCi = false });

        Assert.True(ci.Failed);
        Assert.Equal("missing baseline", ci.Summary);
        Assert.False(local.Failed);
        Assert.Equal("missing baseline", local.Summary);
    }

    [Fact]
    public void Gated_metric_no_longer_produced_fails_saying_why_it_is_undefined()
    {
        var verdict = Evaluate(Scenario(ApDrop), Snapshot(), Snapshot((AP, 0.4)));

        var row = Assert.Single(verdict.Metrics);
        Assert.Equal((MetricOutcome.Undefined, "undefined: no truth objects in the clip", true), (row.Outcome, row.Reason, row.Blocking));
        Assert.True(verdict.Failed);
        Assert.Equal("regressed", verdict.Summary);
    }

    [Fact]
    public void Ungated_metric_no_longer_produced_warns_saying_why()
    {
        var verdict = Evaluate(Scenario(), Snapshot(), Snapshot(("precision@0.5/car", 0.4)));

        var row = Assert.Single(verdict.Metrics);
        Assert.Equal((MetricOutcome.Undefined, "undefined: no detections of car", false), (row.Outcome, row.Reason, row.Blocking));
        Assert.False(verdict.Failed);
        Assert.Equal(1, verdict.Warnings);
    }

    [Fact]
    public void Gated_timing_metric_no_longer_produced_is_an_error_for_want_of_a_reason()
    {
        var verdict = Evaluate(Scenario(new GateRule("latency/p99_ms", null, 10, null, RunKind.Always)), Snapshot(), Snapshot(("latency/p99_ms", 4)));

        var row = Assert.Single(verdict.Metrics);
        Assert.Equal((MetricOutcome.Error, (string?)null), (row.Outcome, row.Reason));
        Assert.True(verdict.Failed);
    }

    [Fact]
    public void Changed_pipeline_fails_even_when_every_metric_passes()
    {
        var run = Snapshot((AP, 0.4));
        var evidence = GateEvidence.PointValuesOnly() with { Agreement = PipelineAgreement.Changed };

        var verdict = Evaluate(Scenario(), run, run, evidence);

        Assert.True(verdict.Failed);
        Assert.Equal("pipeline changed", verdict.Summary);
    }

    [Fact]
    public void Equivalent_pipeline_passes_and_says_so()
    {
        var run = Snapshot((AP, 0.4));
        var evidence = GateEvidence.PointValuesOnly("equivalent to the baseline: ...") with { Agreement = PipelineAgreement.Equivalent };

        var verdict = Evaluate(Scenario(), run, run, evidence);

        Assert.False(verdict.Failed);
        Assert.Equal("equivalent", verdict.Summary);
        Assert.Contains("equivalent to the baseline: ...", verdict.Notes);
    }

    [Fact]
    public void Sure_improvement_is_reported_as_improved()
    {
        var verdict = Evaluate(Scenario(ApDrop), Snapshot((AP, 0.5)), Snapshot((AP, 0.4)), Evidence((AP, new ChangeInterval(0.4, 0.5, 0.05, 0.15, 100_000))));

        Assert.False(verdict.Failed);
        Assert.True(verdict.Improved);
        Assert.Equal("improved", verdict.Summary);
    }

    [Fact]
    public void Notes_name_what_changed_against_the_baseline()
    {
        var baseline = Snapshot((AP, 0.4));
        var run = new BaselineSnapshot("s", "clip2", "model2", "detections2", 11, baseline.Metrics);

        var verdict = Evaluate(Scenario(), run, baseline, GateEvidence.PointValuesOnly("evidence note"));

        Assert.Equal(["clip changed: clip -> clip2", "model changed: model -> model2", "detections changed: detections -> detections2", "frame count changed: 10 -> 11", "evidence note"], verdict.Notes);
    }

    [Fact]
    public void Timing_metrics_are_kept_in_the_snapshot_only_when_gated()
    {
        var result = new ScenarioResult("s", new Dictionary<string, double> { [AP] = 0.1234567, ["latency/p99_ms"] = 3, ["latency/p50_ms"] = 2 }, "c", "m", "d", 3);

        var snapshot = GateEvaluator.CandidateBaseline(Scenario(new GateRule("latency/p99_ms", null, 10, null, RunKind.Nightly)), result);

        Assert.Equal([AP, "latency/p99_ms"], snapshot.Metrics.Keys);
        Assert.Equal(0.123457, snapshot.Metrics[AP]);
    }

    [Fact]
    public void Ungated_timing_metrics_of_the_baseline_are_not_judged()
    {
        var verdict = Evaluate(Scenario(), Snapshot((AP, 0.4)), Snapshot((AP, 0.4), ("latency/p50_ms", 3)));

        Assert.Equal([AP], verdict.Metrics.Select(m => m.Metric));
    }

    [Fact]
    public void Snapshot_carries_every_frame_s_detections_the_provenance_and_the_settings_hash()
    {
        var provenance = new NumericProvenance("1.31.1", NumericProvenance.CpuExecutionProvider, 1, "all", "CPU", 256, "Linux", ".NET 10.0.0");
        Detection[] first = [new(1, 2, 3, 4, 0.5f, 0)];
        var result = new ScenarioResult("s", new Dictionary<string, double> { ["coco/AP"] = 0.5 }, "c", "m", "d", 2)
        {
            ScoredFrames = [new ScoredFrame(4, 400, [], first), new ScoredFrame(5, 500, [], [])],
            Provenance = provenance,
            SettingsSha256 = "abc",
        };

        var snapshot = GateEvaluator.CandidateBaseline(Scenario(), result);

        Assert.Equal([4L, 5L], snapshot.Detections!.Frames.Select(f => f.Index));
        Assert.Equal(first, snapshot.Detections.Frames[0].Detections);
        Assert.Empty(snapshot.Detections.Frames[1].Detections);
        Assert.Equal((provenance, "abc"), (snapshot.Provenance, snapshot.SettingsSha256));
    }

    [Fact]
    public void Interval_follows_the_reported_values_when_they_are_rounded()
    {
        // The re-scored current value carries more digits than the stored one: the interval moves by the difference.
        var evidence = Evidence((AP, new ChangeInterval(0.4, 0.38000004, -0.03, -0.01, 100_000)));

        var row = Row(Scenario(ApDrop), Snapshot((AP, 0.38)), Snapshot((AP, 0.4)), evidence);

        Assert.Equal(-0.03 - 0.00000004, row.Low!.Value, 12);
        Assert.Equal(-0.01 - 0.00000004, row.High!.Value, 12);
    }

    [Fact]
    public void Metric_new_to_the_baseline_is_missing_without_an_interval()
    {
        var row = Row(Scenario(), Snapshot((AP, 0.4)), Snapshot(), Evidence((AP, new ChangeInterval(0.4, 0.4, 0, 0, 100_000))));

        Assert.Equal(MetricOutcome.Missing, row.Outcome);
        Assert.Null(row.Low);
        Assert.Null(row.High);
    }

    [Fact]
    public void Gate_on_a_metric_neither_run_has_is_an_error()
    {
        var verdict = Evaluate(Scenario(new GateRule("recall@0.5/bus", 0.5, null, null, RunKind.Always)), Snapshot((AP, 0.4)), Snapshot((AP, 0.4)));

        var row = verdict.Metrics.Single(m => m.Metric == "recall@0.5/bus");
        Assert.Equal((MetricOutcome.Undefined, "undefined: no truth objects of bus in the clip"), (row.Outcome, row.Reason));
        Assert.True(verdict.Failed);
    }

    [Fact]
    public void Gated_metric_takes_the_scenario_minimum_support_else_the_suite_s_never_its_family_s()
    {
        var defaults = GateDefaults.BuiltIn with { Ungated = [new MetricFamilyRule("coco/", new Tolerance(0.01, false), 5, Fails: false)] };
        var gate = new GateRule(AP, null, null, new Tolerance(3, false), RunKind.Always);
        var run = Snapshot((AP, 0.4)) with { Supports = new Dictionary<string, long> { [AP] = 10 } };

        var suite = GateEvaluator.Evaluate(Scenario(gate), run, run, GateEvidence.PointValuesOnly(), defaults, PullRequest);
        var own = GateEvaluator.Evaluate(Scenario(gate) with { MinSupport = 10 }, run, run, GateEvidence.PointValuesOnly(), defaults, PullRequest);

        Assert.Contains("fewer than min_support 30", suite.Error, StringComparison.Ordinal);
        Assert.Null(own.Error);
    }

    [Fact]
    public void Allowed_column_says_every_bound_and_the_direction()
    {
        var scenario = Scenario(
            new GateRule(AP, 0.1, 0.9, new Tolerance(0.01, false), RunKind.Always),
            new GateRule("fp_per_frame", null, 40, new Tolerance(0.2, true), RunKind.Always),
            new GateRule("latency/p99_ms", null, 5, null, RunKind.Nightly));
        var run = Snapshot((AP, 0.4), ("fp_per_frame", 3), ("latency/p99_ms", 4));

        var rows = Evaluate(scenario, run, run).Metrics.ToDictionary(m => m.Metric, m => m.Allowed);

        Assert.Equal(">= 0.1, <= 0.9, -0.01", rows[AP]);
        Assert.Equal("<= 40, +20%", rows["fp_per_frame"]);
        Assert.Equal("gated on nightly", rows["latency/p99_ms"]);
    }

    [Fact]
    public void Notes_shorten_content_hashes_to_twelve_digits()
    {
        var baseline = Snapshot((AP, 0.4)) with { ModelSha256 = new string('a', 64) };
        var run = baseline with { ModelSha256 = new string('b', 12) + "c" };

        var verdict = Evaluate(Scenario(), run, baseline);

        Assert.Equal(["model changed: aaaaaaaaaaaa -> bbbbbbbbbbbb"], verdict.Notes);
    }

    [Fact]
    public void Snapshot_of_a_run_without_frames_has_no_detection_snapshot()
    {
        var result = new ScenarioResult("s", new Dictionary<string, double> { [AP] = 0.5 }, "c", "m", "d", 0);

        Assert.Null(GateEvaluator.CandidateBaseline(Scenario(), result).Detections);
    }

    // The limit a change is judged against is the allowance plus half a unit of the sixth significant digit of the
    // baseline value: for an allowance of 0.01 on 0.4, 0.01 + 0.4 * 1e-6 / 2, which is the double 0.0100002 (Python:
    // 0.01 + 0.4 * 1e-6 / 2 == 0.0100002). Its neighbours are 0.010000199999999999 and 0.010000200000000002.

    [Theory]
    [InlineData(0.010000199999999999, MetricOutcome.Pass)]
    [InlineData(0.0100002, MetricOutcome.Pass)] // the better end exactly at the limit is not surely beyond it
    [InlineData(0.010000200000000002, MetricOutcome.Improved)]
    public void Improvement_must_lie_wholly_beyond_the_limit(double low, MetricOutcome expected)
    {
        var row = Row(Scenario(ApDrop), Snapshot((AP, 0.42)), Snapshot((AP, 0.4)), Evidence((AP, new ChangeInterval(0.4, 0.42, low, 0.03, 100_000))));

        Assert.Equal(expected, row.Outcome);
    }

    [Theory]
    [InlineData(-0.010000199999999999, MetricOutcome.PossibleRegression)]
    [InlineData(-0.0100002, MetricOutcome.PossibleRegression)] // the better end exactly at the limit: not surely beyond
    [InlineData(-0.010000200000000002, MetricOutcome.Regressed)]
    public void Sure_regression_needs_the_better_end_strictly_beyond_the_limit(double high, MetricOutcome expected)
    {
        // The point (-0.02) is beyond the limit either way.
        var row = Row(Scenario(ApDrop), Snapshot((AP, 0.38)), Snapshot((AP, 0.4)), Evidence((AP, new ChangeInterval(0.4, 0.38, -0.03, high, 100_000))));

        Assert.Equal(expected, row.Outcome);
    }

    [Theory]
    [InlineData(-0.010000199999999999, MetricOutcome.Pass)]
    [InlineData(-0.0100002, MetricOutcome.Pass)] // the worse end exactly at the limit passes
    [InlineData(-0.010000200000000002, MetricOutcome.Regressed)]
    public void Non_inferiority_passes_a_worse_end_exactly_at_the_limit(double low, MetricOutcome expected)
    {
        var gate = new GateRule(AP, null, null, new Tolerance(0.01, false), RunKind.Always, DecisionRule.NonInferiority);

        var row = Row(Scenario(gate), Snapshot((AP, 0.398)), Snapshot((AP, 0.4)), Evidence((AP, new ChangeInterval(0.4, 0.398, low, 0.005, 100_000))));

        Assert.Equal(expected, row.Outcome);
    }

    [Theory]
    [InlineData(0.009999999999999998, MetricOutcome.Pass)]
    [InlineData(0.01, MetricOutcome.Pass)] // the point exactly at the allowance passes
    [InlineData(0.010000000000000002, MetricOutcome.PossibleRegression)]
    public void A_point_exactly_at_the_allowance_is_not_a_possible_regression(double measured, MetricOutcome expected)
    {
        // From a baseline of 0 false positives per frame the rounding slack is 1e-12 * 1e-6 / 2 = 5e-19, under half a
        // unit in the last place of 0.01 (8.7e-19): the limit is the double 0.01 itself (Python: 0.01 + 5e-19 == 0.01).
        var scenario = Scenario(new GateRule("fp_per_frame", null, null, new Tolerance(0.01, false), RunKind.Always));

        var row = Row(scenario, Snapshot(("fp_per_frame", measured)), Snapshot(("fp_per_frame", 0)),
            Evidence(("fp_per_frame", new ChangeInterval(0, measured, 0, 0.02, 100_000))));

        Assert.Equal(expected, row.Outcome);
    }

    [Theory]
    [InlineData(0.4, 0.3899999, MetricOutcome.Pass)] // 0.0100001 worse: within the slack 0.4 * 1e-6 / 2 = 2e-7
    [InlineData(0.4, 0.3899997, MetricOutcome.Regressed)] // 0.0100003 worse: beyond it (a slack four times as wide would pass it)
    [InlineData(-0.4, -0.4100001, MetricOutcome.Pass)] // the slack is of the value's magnitude, whatever its sign
    [InlineData(-0.4, -0.4100003, MetricOutcome.Regressed)]
    public void The_rounding_slack_is_half_a_unit_of_the_baseline_s_sixth_significant_digit(double baseline, double measured, MetricOutcome expected)
    {
        Assert.Equal(expected, Row(Scenario(ApDrop), Snapshot((AP, measured)), Snapshot((AP, baseline)), GateEvidence.PointValuesOnly()).Outcome);
    }

    [Fact]
    public void Only_interval_gates_are_read_at_the_Bonferroni_level()
    {
        // Two interval gates: 97.5% each. A gate with only a floor and a gate on a timing metric keep the suite's 95%,
        // so their rows show the stored 95% ends (at 97.5% the draws would put them half a step further out).
        var scenario = Scenario(
            ApDrop,
            new GateRule("coco/AP50", null, null, new Tolerance(0.01, false), RunKind.Always),
            new GateRule("recall@0.5", 0.1, null, null, RunKind.Always),
            new GateRule("latency/p99_ms", null, null, new Tolerance(0.2, true), RunKind.Always));
        var evidence = Evidence(
            ("coco/AP50", Resampled(0.4, 0.39, -0.02, 0.0, 100_000)),
            ("recall@0.5", Resampled(0.6, 0.59, -0.02, 0.0, 100_000)),
            ("latency/p99_ms", Resampled(4, 4.5, 0.2, 0.8, 100_000)));
        var run = Snapshot((AP, 0.4), ("coco/AP50", 0.39), ("recall@0.5", 0.59), ("latency/p99_ms", 4.5));
        var baseline = Snapshot((AP, 0.4), ("coco/AP50", 0.4), ("recall@0.5", 0.6), ("latency/p99_ms", 4));

        var rows = Evaluate(scenario, run, baseline, evidence).Metrics.ToDictionary(m => m.Metric);

        Assert.Equal(0.975, rows["coco/AP50"].Confidence!.Value, 12);
        Assert.Equal((0.95, -0.02, 0.0), (rows["recall@0.5"].Confidence!.Value, Math.Round(rows["recall@0.5"].Low!.Value, 12), Math.Round(rows["recall@0.5"].High!.Value, 12)));
        Assert.Equal((0.95, 0.2, 0.8), (rows["latency/p99_ms"].Confidence!.Value, Math.Round(rows["latency/p99_ms"].Low!.Value, 12), Math.Round(rows["latency/p99_ms"].High!.Value, 12)));
    }

    [Theory]
    [InlineData(PipelineAgreement.NotApplicable, 0.003688879454113936)] // -ln(0.025) / 1000 (Python math.log)
    [InlineData(PipelineAgreement.Identical, 0.0)]
    [InlineData(PipelineAgreement.Equivalent, 0.0)]
    public void Only_runs_that_differ_widen_a_still_interval_to_the_change_that_could_go_unseen(PipelineAgreement agreement, double floor)
    {
        var still = new ChangeInterval(0.6, 0.6, 0, 0, 1000) { Draws = [0, 0, 0, 0] };
        var evidence = new GateEvidence(new Dictionary<string, ChangeInterval> { ["recall@0.5/car"] = still }, null, agreement, []);

        var row = Row(Scenario(), Snapshot(("recall@0.5/car", 0.6)), Snapshot(("recall@0.5/car", 0.6)), evidence);

        Assert.Equal(-floor, row.Low!.Value, 12);
        Assert.Equal(floor, row.High!.Value, 12);
    }

    [Theory]
    [InlineData(4L, MetricOutcome.LowSupport, false)] // below the family's minimum: shown, never blocking, even in a family that fails
    [InlineData(5L, MetricOutcome.Regressed, true)]
    public void Low_support_is_never_blocking_even_where_the_family_fails(long support, MetricOutcome outcome, bool blocking)
    {
        var defaults = GateDefaults.BuiltIn with { Ungated = [new MetricFamilyRule("recall@0.5", new Tolerance(0.02, false), 5, Fails: true)] };
        var evidence = Evidence(("recall@0.5/car", Resampled(1, 0, -1, -1, support)));

        var verdict = GateEvaluator.Evaluate(Scenario(), Snapshot(("recall@0.5/car", 0.0)), Snapshot(("recall@0.5/car", 1.0)), evidence, defaults, PullRequest);

        var row = Assert.Single(verdict.Metrics);
        Assert.Equal((outcome, blocking), (row.Outcome, row.Blocking));
        Assert.Equal(blocking, verdict.Failed);
    }

    [Fact]
    public void Ungated_sure_improvement_with_resamples_is_improved()
    {
        // Every draw (0.05 - step .. 0.15 + step) is better: p = (1 + 41) / (41 + 1) = 1.
        var row = Row(Scenario(), Snapshot(("recall@0.5/car", 0.6)), Snapshot(("recall@0.5/car", 0.5)),
            Evidence(("recall@0.5/car", Resampled(0.5, 0.6, 0.05, 0.15, 100_000))));

        Assert.Equal((MetricOutcome.Improved, 1.0), (row.Outcome, row.PValue!.Value));
    }

    [Theory]
    [InlineData(0.6, 0.05, 0.15, MetricOutcome.Improved)]
    [InlineData(0.49, -0.03, 0.01, MetricOutcome.Pass)]
    public void Ungated_interval_without_draws_is_shown_judged_on_its_ends_and_given_no_p_value(double measured, double low, double high, MetricOutcome expected)
    {
        var verdict = Evaluate(Scenario(), Snapshot(("recall@0.5/car", measured)), Snapshot(("recall@0.5/car", 0.5)),
            Evidence(("recall@0.5/car", new ChangeInterval(0.5, measured, low, high, 100_000))));

        var row = Assert.Single(verdict.Metrics);
        Assert.Equal(expected, row.Outcome);
        Assert.Null(row.PValue);
        Assert.Empty(verdict.Notes); // no family to control the false discovery rate over
    }

    [Fact]
    public void Ungated_sure_improvement_without_an_interval_is_improved()
    {
        var row = Row(Scenario(), Snapshot(("recall@0.5/car", 0.6)), Snapshot(("recall@0.5/car", 0.5)), GateEvidence.PointValuesOnly());

        Assert.Equal((MetricOutcome.Improved, (double?)null), (row.Outcome, row.PValue));
    }

    [Fact]
    public void Gated_point_values_have_no_power_statement()
    {
        var row = Row(Scenario(ApDrop), Snapshot((AP, 0.395)), Snapshot((AP, 0.4)), GateEvidence.PointValuesOnly());

        Assert.Equal((MetricOutcome.Pass, (double?)null), (row.Outcome, row.Power));
    }

    [Fact]
    public void Metric_of_a_failing_family_no_longer_produced_is_blocking()
    {
        var defaults = GateDefaults.BuiltIn with { Ungated = [new MetricFamilyRule("precision@0.5", new Tolerance(0.02, false), null, Fails: true)] };

        var verdict = GateEvaluator.Evaluate(Scenario(), Snapshot(), Snapshot(("precision@0.5/car", 0.4)), GateEvidence.PointValuesOnly(), defaults, PullRequest);

        var row = Assert.Single(verdict.Metrics);
        Assert.Equal((MetricOutcome.Undefined, true), (row.Outcome, row.Blocking));
        Assert.Equal("regressed", verdict.Summary);
    }

    [Fact]
    public void Gated_metric_neither_run_has_is_blocking_without_a_baseline_value()
    {
        var verdict = Evaluate(Scenario(new GateRule("recall@0.5/bus", 0.5, null, null, RunKind.Always)), Snapshot(), Snapshot());

        var row = Assert.Single(verdict.Metrics);
        Assert.Equal((MetricOutcome.Undefined, (double?)null, true), (row.Outcome, row.Baseline, row.Blocking));
    }

    [Fact]
    public void The_family_note_names_the_Benjamini_Yekutieli_procedure_when_it_is_chosen()
    {
        var defaults = GateDefaults.BuiltIn with { Statistics = GateDefaults.BuiltIn.Statistics with { Procedure = FalseDiscoveryProcedure.BenjaminiYekutieli } };
        var evidence = Evidence(("recall@0.5/car", Resampled(0.6, 0.6, -0.01, 0.01, 100_000)));

        var verdict = GateEvaluator.Evaluate(Scenario(), Snapshot(("recall@0.5/car", 0.6)), Snapshot(("recall@0.5/car", 0.6)), evidence, defaults, PullRequest);

        Assert.Equal(["ungated metrics judged as one family of 1 at a 5% false discovery rate (Benjamini-Yekutieli): " +
            "a harmless change warns in at most about 5% of scenarios"], verdict.Notes);
    }

    [Fact]
    public void Allowed_column_says_a_lone_floor_or_ceiling()
    {
        var scenario = Scenario(
            new GateRule(AP, 0.25, null, new Tolerance(0.01, false), RunKind.Always),
            new GateRule("fp_per_frame", null, 4.5, null, RunKind.Always));
        var run = Snapshot((AP, 0.4), ("fp_per_frame", 3));

        var rows = Evaluate(scenario, run, run).Metrics.ToDictionary(m => m.Metric, m => m.Allowed);

        Assert.Equal(">= 0.25, -0.01", rows[AP]);
        Assert.Equal("<= 4.5, no change", rows["fp_per_frame"]);
    }

    [Theory]
    [InlineData(11, "model changed: aaaaaaaaaaa -> bbbbbbbbbbb")]
    [InlineData(12, "model changed: aaaaaaaaaaaa -> bbbbbbbbbbbb")]
    [InlineData(13, "model changed: aaaaaaaaaaaa -> bbbbbbbbbbbb")]
    public void Notes_keep_a_hash_of_up_to_twelve_digits_whole(int length, string note)
    {
        var baseline = Snapshot((AP, 0.4)) with { ModelSha256 = new string('a', length) };
        var run = baseline with { ModelSha256 = new string('b', length) };

        Assert.Equal([note], Evaluate(Scenario(), run, baseline).Notes);
    }

    [Theory]
    [InlineData("recall@0.5/car", 1.0, 0.95, -0.95, 0.0)]
    [InlineData("recall@0.5/car", 0.05, 0.0, -0.05, 0.95)]
    [InlineData("fp_per_frame", 0.05, 0.0, -0.05, double.PositiveInfinity)]
    public void An_interval_never_reaches_past_the_values_the_metric_can_take(string metric, double baseline, double current, double lowest, double highest)
    {
        // 20 objects: the change that could go unseen is -ln(0.025) / 20 = 0.18 either side, past 0 or 1 here.
        var evidence = Evidence((metric, Resampled(baseline, current, current - baseline - 0.01, current - baseline + 0.01, 20)));

        var row = Assert.Single(Evaluate(Scenario(), Snapshot((metric, current)), Snapshot((metric, baseline)), evidence).Metrics);

        Assert.True(row.Low >= lowest, $"low {row.Low} is below {lowest}");
        Assert.True(row.High <= highest, $"high {row.High} is above {highest}");
        Assert.True(row.Low == lowest || row.High == highest, $"[{row.Low}, {row.High}] touches neither end");
    }

    private static ScenarioVerdict Evaluate(GateSubject scenario, BaselineSnapshot run, BaselineSnapshot? baseline, GateEvidence? evidence = null) =>
        GateEvaluator.Evaluate(scenario, run, baseline, evidence ?? GateEvidence.PointValuesOnly(), GateDefaults.BuiltIn, PullRequest);

    private static MetricVerdict Row(GateSubject scenario, BaselineSnapshot run, BaselineSnapshot baseline, GateEvidence evidence) =>
        Assert.Single(Evaluate(scenario, run, baseline, evidence).Metrics);

    /// <summary>
    /// An interval with 41 resampled changes whose 2.5% and 97.5% type-7 quantiles (positions 1 and 39) are exactly
    /// <paramref name="low"/> and <paramref name="high"/>, evenly spaced between, one step beyond each end.
    /// </summary>
    private static ChangeInterval Resampled(double baseline, double current, double low, double high, long support)
    {
        var step = (high - low) / 38;
        return new ChangeInterval(baseline, current, low, high, support) { Draws = [.. Enumerable.Range(-1, 41).Select(i => low + (i * step))] };
    }

    private static GateEvidence Evidence(params (string Name, ChangeInterval Interval)[] intervals) =>
        new(intervals.ToDictionary(i => i.Name, i => i.Interval), null, PipelineAgreement.NotApplicable, []);

    private static BaselineSnapshot Snapshot(params (string Name, double Value)[] metrics) =>
        new("s", "clip", "model", "detections", 10, metrics.ToDictionary(m => m.Name, m => m.Value));

    private static GateSubject Scenario(params GateRule[] gates) => new("s", "s", gates);
}
