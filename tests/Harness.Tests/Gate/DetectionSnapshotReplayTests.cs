using System.Text.Json;
using Harness.Gate;
using Harness.Metrics;
using Harness.Running;
using Harness.Scenarios;
using Harness.TestKit;
using Harness.Testing;

namespace Harness.Tests.Gate;

/// <summary>The default urban-day scenario on its first frames, replayed for real and stored as a baseline.</summary>
public sealed class DetectionSnapshotReplayTests : IDisposable
{
    private readonly TemporaryDirectory temp = new("snapshot-replay-");

    [Fact]
    public void Stored_snapshot_rescores_to_every_non_timing_metric_of_the_run_exactly()
    {
        var scenario = UrbanDay();
        var result = ScenarioRunner.Run(scenario, RepositoryPaths.Cache);
        var store = new BaselineStore(temp.Path);
        store.WriteReceived(GateEvaluator.CandidateBaseline(GateSubject.Of(scenario), result));
        Assert.True(store.Accept(scenario.Id));

        var stored = store.ReadVerified(scenario.Id)!.Detections!;
        var rescored = new MetricsAccumulator(new MetricsOptions(scenario.Model.Classes.EvaluationClasses));
        Assert.Equal(result.ScoredFrames.Select(f => f.Index), stored.Frames.Select(f => f.Index));
        foreach (var (frame, snapshot) in result.ScoredFrames.Zip(stored.Frames))
        {
            rescored.Add(frame.Truth, snapshot.Detections);
        }

        Assert.True(stored.Frames.Sum(f => f.Detections.Count) > 0);
        Assert.Equal(NonTiming(result.Metrics), NonTiming(rescored.Complete("s", "clip", "model", "digest").Metrics));
    }

    [Fact]
    public void Baseline_json_of_the_default_scenario_records_provenance_and_settings_hash()
    {
        var scenario = UrbanDay();
        var result = ScenarioRunner.Run(scenario, RepositoryPaths.Cache);

        using var json = JsonDocument.Parse(BaselineStore.Serialize(GateEvaluator.CandidateBaseline(GateSubject.Of(scenario), result)));

        var provenance = json.RootElement.GetProperty("provenance");
        Assert.Equal(JsonValueKind.Object, provenance.ValueKind);
        Assert.Equal("CPUExecutionProvider", provenance.GetProperty("execution_provider").GetString());
        Assert.Equal(scenario.Model.Session.IntraOpThreads, provenance.GetProperty("intra_op_threads").GetInt32());
        Assert.Equal(scenario.Model.Session.OptimizationLevel, provenance.GetProperty("graph_optimization").GetString());
        Assert.False(string.IsNullOrEmpty(provenance.GetProperty("onnx_runtime_version").GetString()));
        Assert.Equal(ScenarioSettings.Sha256(scenario), json.RootElement.GetProperty("settings_sha256").GetString());
        Assert.False(json.RootElement.TryGetProperty("frame_digests", out _));
    }

    public void Dispose() => temp.Dispose();

    /// <summary>urban-day as checked in, on a three-frame clip of the same scene (the clip pin is for 40 frames).</summary>
    private static Scenario UrbanDay()
    {
        var scenario = ScenarioLoader.LoadFile(Path.Combine(RepositoryPaths.Scenarios, "urban-day.yaml"));
        return scenario with { Clip = scenario.Clip with { Source = "synthetic://urban-day?seed=7&frames=3", Sha256 = null } };
    }

    private static List<KeyValuePair<string, double>> NonTiming(IReadOnlyDictionary<string, double> metrics) =>
        [.. metrics.Where(m => !MetricNames.IsTiming(m.Key)).OrderBy(m => m.Key, StringComparer.Ordinal)];
}
