using System.Text.Json.Nodes;
using Harness.Gate;
using Harness.Metrics;
using Harness.TestKit;

namespace Harness.Tests.Gate;

public sealed class BaselineStoreTests : IDisposable
{
    private static readonly NumericProvenance Provenance = new("1.31.1", "CPUExecutionProvider", 1, "all", "Test CPU @ 2.0GHz", 256, "Linux 6.1", ".NET 10.0.0");

    private readonly TemporaryDirectory temp = new("baselines-");

    [Fact]
    public void Received_round_trips_and_accept_promotes_it_to_verified()
    {
        var store = new BaselineStore(temp.Path);
        var snapshot = Snapshot("urban-day") with { Metrics = new Dictionary<string, double> { ["b"] = 0.25, ["a"] = 1.0 / 3 } };

        store.WriteReceived(snapshot);
        Assert.Equal(["urban-day"], store.PendingIds());
        Assert.True(store.Accept("urban-day"));

        var verified = store.ReadVerified("urban-day");
        Assert.NotNull(verified);
        Assert.True(verified.SameBehaviourAs(snapshot with { Metrics = new Dictionary<string, double> { ["a"] = 0.333333, ["b"] = 0.25 } }));
        Assert.Equal(Provenance, verified.Provenance);
        Assert.Equal("s1", verified.SettingsSha256);
        AssertSameDetections(snapshot.Detections!, verified.Detections!);
        Assert.Equal(["urban-day.detections.verified.bin", "urban-day.verified.json"], Files());
        Assert.False(store.Accept("urban-day"));
    }

    [Fact]
    public void Write_received_writes_both_files_and_delete_received_removes_both()
    {
        var store = new BaselineStore(temp.Path);

        store.WriteReceived(Snapshot("s"));
        Assert.Equal(["s.detections.received.bin", "s.received.json"], Files());

        store.DeleteReceived("s");
        Assert.Empty(Files());
    }

    [Fact]
    public void Received_without_detections_replaces_a_stale_received_companion()
    {
        var store = new BaselineStore(temp.Path);
        store.WriteReceived(Snapshot("s"));

        store.WriteReceived(Snapshot("s") with { Detections = null });

        Assert.Equal(["s.received.json"], Files());
    }

    [Fact]
    public void Accepting_a_received_json_without_companion_leaves_no_stale_verified_companion()
    {
        var store = new BaselineStore(temp.Path);
        store.WriteReceived(Snapshot("s"));
        store.Accept("s");
        File.WriteAllText(store.ReceivedPath("s"), BaselineStore.Serialize(Snapshot("s") with { Frames = 5 }));

        Assert.True(store.Accept("s"));

        Assert.Equal(["s.verified.json"], Files());
        var verified = store.ReadVerified("s");
        Assert.Equal(5, verified!.Frames);
        Assert.Null(verified.Detections);
    }

    [Fact]
    public void Verified_baseline_without_companion_reads_with_no_detections()
    {
        var store = new BaselineStore(temp.Path);
        File.WriteAllText(store.VerifiedPath("s"), BaselineStore.Serialize(Snapshot("s")));

        var verified = store.ReadVerified("s");

        Assert.NotNull(verified);
        Assert.Null(verified.Detections);
    }

    [Fact]
    public void Baseline_written_before_snapshots_reads_and_ignores_its_frame_digests()
    {
        var store = new BaselineStore(temp.Path);
        File.WriteAllText(
            store.VerifiedPath("old"),
            "{\n  \"clip_sha256\": \"c\",\n  \"detections_sha256\": \"d\",\n  \"frame_digests\": [\n    \"0a1b2c3d 4\"\n  ],\n  \"frames\": 1,\n  \"metrics\": {\n    \"coco/AP\": 0.5\n  },\n  \"model_sha256\": \"m\",\n  \"scenario\": \"old\"\n}\n");

        var verified = store.ReadVerified("old");

        Assert.NotNull(verified);
        Assert.Equal(("old", "c", "m", "d", 1, 0.5), (verified.ScenarioId, verified.ClipSha256, verified.ModelSha256, verified.DetectionsSha256, verified.Frames, verified.Metrics["coco/AP"]));
        Assert.Null(verified.Detections);
        Assert.Null(verified.Provenance);
        Assert.Null(verified.SettingsSha256);
    }

    [Fact]
    public void Serialized_form_is_sorted_rounded_and_lf_only()
    {
        var snapshot = new BaselineSnapshot("s", "c", "m", "d", 3, new Dictionary<string, double> { ["z"] = 2.0 / 3, ["a"] = 12345.678912 })
        {
            Provenance = Provenance,
            SettingsSha256 = "e3",
        };

        var json = BaselineStore.Serialize(snapshot);

        Assert.Equal(
            """
            {
              "clip_sha256": "c",
              "detections_sha256": "d",
              "frames": 3,
              "metrics": {
                "a": 12345.7,
                "z": 0.666667
              },
              "model_sha256": "m",
              "provenance": {
                "cpu_model": "Test CPU @ 2.0GHz",
                "dotnet_version": ".NET 10.0.0",
                "execution_provider": "CPUExecutionProvider",
                "graph_optimization": "all",
                "intra_op_threads": 1,
                "onnx_runtime_version": "1.31.1",
                "os": "Linux 6.1",
                "vector_width_bits": 256
              },
              "scenario": "s",
              "settings_sha256": "e3"
            }

            """.ReplaceLineEndings("\n"),
            json);
    }

    [Fact]
    public void Provenance_json_keys_are_the_keys_differences_are_reported_under()
    {
        var json = JsonNode.Parse(BaselineStore.Serialize(Snapshot("s")))!["provenance"]!.AsObject();

        Assert.Equal(Provenance.Fields().Select(f => f.Key), json.Select(p => p.Key));
    }

    [Fact]
    public void Corrupt_verified_file_names_the_file()
    {
        var store = new BaselineStore(temp.Path);
        File.WriteAllText(store.VerifiedPath("broken"), "{ \"scenario\": ");

        var error = Assert.Throws<BaselineFormatException>(() => store.ReadVerified("broken"));

        Assert.Contains("broken.verified.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Provenance_of_the_wrong_type_names_the_file()
    {
        var store = new BaselineStore(temp.Path);
        var json = JsonNode.Parse(BaselineStore.Serialize(Snapshot("broken")))!;
        json["provenance"]!["intra_op_threads"] = "one";
        File.WriteAllText(store.VerifiedPath("broken"), json.ToJsonString());

        var error = Assert.Throws<BaselineFormatException>(() => store.ReadVerified("broken"));

        Assert.Contains("broken.verified.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_verified_companion_names_the_companion()
    {
        var store = new BaselineStore(temp.Path);
        store.WriteReceived(Snapshot("broken"));
        store.Accept("broken");
        var bytes = File.ReadAllBytes(store.VerifiedDetectionsPath("broken"));
        File.WriteAllBytes(store.VerifiedDetectionsPath("broken"), bytes[..^1]);

        var error = Assert.Throws<BaselineFormatException>(() => store.ReadVerified("broken"));

        Assert.StartsWith(store.VerifiedDetectionsPath("broken") + ": ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Companion_covering_other_frames_than_the_json_is_rejected()
    {
        var store = new BaselineStore(temp.Path);
        store.WriteReceived(Snapshot("s"));
        store.Accept("s");
        File.WriteAllText(store.VerifiedPath("s"), BaselineStore.Serialize(Snapshot("s") with { Frames = 3 }));

        var error = Assert.Throws<BaselineFormatException>(() => store.ReadVerified("s"));

        Assert.Contains("s.detections.verified.bin: holds 2 frames but", error.Message, StringComparison.Ordinal);
        Assert.Contains("s.verified.json records 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_behaviour_requires_the_same_settings_hash_but_not_the_same_provenance()
    {
        var snapshot = Snapshot("s");

        Assert.False(snapshot.SameBehaviourAs(snapshot with { SettingsSha256 = "s2" }));
        Assert.False(snapshot.SameBehaviourAs(snapshot with { SettingsSha256 = null }));
        Assert.True(snapshot.SameBehaviourAs(snapshot with { Provenance = Provenance with { CpuModel = "Other CPU" } }));
    }

    public void Dispose() => temp.Dispose();

    private static readonly DetectionSnapshot Detections = new(
    [
        new SnapshotFrame(0, [new Detection(1.5f, 2.25f, 30.125f, 40, 0.875f, 2), new Detection(-0f, 0, 1, 1, 0.25f, 0)]),
        new SnapshotFrame(1, []),
    ]);

    /// <summary>A snapshot whose JSON records the digest of the detections it carries, as every run writes it.</summary>
    private static BaselineSnapshot Snapshot(string id) =>
        new(id, "c1", "m1", BaselineStore.DetectionsSha256(Detections), 2, new Dictionary<string, double> { ["coco/AP"] = 0.5 })
        {
            Detections = Detections,
            Provenance = Provenance,
            SettingsSha256 = "s1",
        };

    private static void AssertSameDetections(DetectionSnapshot expected, DetectionSnapshot actual)
    {
        Assert.Equal(expected.Frames.Select(f => f.Index), actual.Frames.Select(f => f.Index));
        Assert.Equal(expected.Frames.SelectMany(f => f.Detections), actual.Frames.SelectMany(f => f.Detections));
    }

    private List<string> Files() => [.. Directory.EnumerateFiles(temp.Path).Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal)];
}
