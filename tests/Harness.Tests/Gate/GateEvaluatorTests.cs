using Harness.Gate;
using Harness.Metrics;
using Harness.Postprocessing;
using Harness.Running;
using Harness.Scenarios;

namespace Harness.Tests.Gate;

public sealed class GateEvaluatorTests
{
    private static readonly GatePolicy PullRequest = new(RunKind.PullRequest, IsCi: true);

    [Fact]
    public void Identical_run_passes_every_metric()
    {
        var scenario = Scenario();
        var snapshot = Snapshot(("coco/AP", 0.4), ("fp_per_frame", 1.5));

        var verdict = GateEvaluator.Evaluate(scenario, snapshot, snapshot, PullRequest);

        Assert.False(verdict.Failed);
        Assert.All(verdict.Metrics, m => Assert.Equal(MetricOutcome.Pass, m.Outcome));
    }

    [Fact]
    public void Drop_beyond_tolerance_regresses_and_within_tolerance_passes()
    {
        var scenario = Scenario(new GateRule("coco/AP", null, null, new Tolerance(0.01, false), RunKind.Always));
        var baseline = Snapshot(("coco/AP", 0.40));

        Assert.Equal(MetricOutcome.Pass, Outcome(scenario, Snapshot(("coco/AP", 0.395)), baseline, "coco/AP"));
        Assert.Equal(MetricOutcome.Regressed, Outcome(scenario, Snapshot(("coco/AP", 0.385)), baseline, "coco/AP"));
        Assert.Equal(MetricOutcome.Improved, Outcome(scenario, Snapshot(("coco/AP", 0.42)), baseline, "coco/AP"));
    }

    [Fact]
    public void Lower_is_better_metrics_regress_upwards()
    {
        var scenario = Scenario(new GateRule("latency/p99_ms", null, null, new Tolerance(0.2, true), RunKind.Always));
        var baseline = Snapshot(("latency/p99_ms", 10));

        Assert.Equal(MetricOutcome.Pass, Outcome(scenario, Snapshot(("latency/p99_ms", 11.9)), baseline, "latency/p99_ms"));
        Assert.Equal(MetricOutcome.Regressed, Outcome(scenario, Snapshot(("latency/p99_ms", 12.1)), baseline, "latency/p99_ms"));
        Assert.Equal(MetricOutcome.Improved, Outcome(scenario, Snapshot(("latency/p99_ms", 7)), baseline, "latency/p99_ms"));
    }

    [Fact]
    public void Ungated_metrics_are_exact_to_baseline_precision()
    {
        var scenario = Scenario();
        var baseline = Snapshot(("recall@0.5/car", 0.5));

        Assert.Equal(MetricOutcome.Pass, Outcome(scenario, Snapshot(("recall@0.5/car", 0.5000001)), baseline, "recall@0.5/car"));
        Assert.Equal(MetricOutcome.Regressed, Outcome(scenario, Snapshot(("recall@0.5/car", 0.49999)), baseline, "recall@0.5/car"));
    }

    [Fact]
    public void Absolute_floor_fails_even_when_baseline_agrees()
    {
        var scenario = Scenario(new GateRule("coco/AP", 0.5, null, null, RunKind.Always));
        var run = Snapshot(("coco/AP", 0.4));

        Assert.Equal(MetricOutcome.Regressed, Outcome(scenario, run, run, "coco/AP"));
    }

    [Fact]
    public void Nightly_rule_is_skipped_on_pull_requests_and_applied_nightly()
    {
        var scenario = Scenario(new GateRule("latency/p99_ms", null, 5, null, RunKind.Nightly));
        var run = Snapshot(("latency/p99_ms", 9));

        Assert.Equal(MetricOutcome.Skipped, Outcome(scenario, run, run, "latency/p99_ms"));
        var nightly = GateEvaluator.Evaluate(scenario, run, run, new GatePolicy(RunKind.Nightly, IsCi: true));
        Assert.Equal(MetricOutcome.Regressed, nightly.Metrics.Single(m => m.Metric == "latency/p99_ms").Outcome);
    }

    [Fact]
    public void Missing_baseline_fails_in_ci_only()
    {
        var scenario = Scenario();
        var run = Snapshot(("coco/AP", 0.4));

        Assert.True(GateEvaluator.Evaluate(scenario, run, null, PullRequest).Failed);
        Assert.False(GateEvaluator.Evaluate(scenario, run, null, PullRequest with { IsCi = false }).Failed);
    }

    [Fact]
    public void Metric_no_longer_produced_is_an_error()
    {
        var verdict = GateEvaluator.Evaluate(Scenario(), Snapshot(), Snapshot(("coco/AP", 0.4)), PullRequest);

        Assert.Equal(MetricOutcome.Error, Assert.Single(verdict.Metrics).Outcome);
        Assert.True(verdict.Failed);
    }

    [Fact]
    public void Timing_metrics_are_kept_in_the_snapshot_only_when_gated()
    {
        var result = new ScenarioResult("s", new Dictionary<string, double> { ["coco/AP"] = 0.1234567, ["latency/p99_ms"] = 3, ["latency/p50_ms"] = 2 }, "c", "m", "d", 3);

        var snapshot = GateEvaluator.Snapshot(Scenario(new GateRule("latency/p99_ms", null, 10, null, RunKind.Nightly)), result);

        Assert.Equal(["coco/AP", "latency/p99_ms"], snapshot.Metrics.Keys);
        Assert.Equal(0.123457, snapshot.Metrics["coco/AP"]);
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

        var snapshot = GateEvaluator.Snapshot(Scenario(), result);

        Assert.Equal([4L, 5L], snapshot.Detections!.Frames.Select(f => f.Index));
        Assert.Equal(first, snapshot.Detections.Frames[0].Detections);
        Assert.Empty(snapshot.Detections.Frames[1].Detections);
        Assert.Equal((provenance, "abc"), (snapshot.Provenance, snapshot.SettingsSha256));
    }

    private static MetricOutcome Outcome(Scenario scenario, BaselineSnapshot run, BaselineSnapshot baseline, string metric) =>
        GateEvaluator.Evaluate(scenario, run, baseline, PullRequest).Metrics.Single(m => m.Metric == metric).Outcome;

    private static BaselineSnapshot Snapshot(params (string Name, double Value)[] metrics) =>
        new("s", "clip", "model", "detections", 10, metrics.ToDictionary(m => m.Name, m => m.Value));

    private static Scenario Scenario(params GateRule[] gates) =>
        new(
            "s",
            "",
            ["pr"],
            new ClipSpec("synthetic://urban-day", null, "/camera/front", "/truth/front", null),
            new ModelSpec("reference://detector-v1", null, ModelLayout.Yolov8, new InputSpec(64, 64, true, 1f / 255, [0, 0, 0], [1, 1, 1], false, 114), ["car"], new SessionSpec(1, "all", true)),
            new PostprocessSpec(0.25f, 0.45f, 100, false),
            gates,
            "s.yaml");
}
