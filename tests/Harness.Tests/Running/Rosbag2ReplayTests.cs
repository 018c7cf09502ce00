using Harness.Clips.Rosbag2;
using Harness.Running;
using Harness.Scenarios;
using Harness.Suite;
using Harness.TestKit;
using Harness.Testing;

namespace Harness.Tests.Running;

/// <summary>Scenarios that point at ROS 2 bags replay end to end; a broken bag fails its own scenario only.</summary>
public sealed class Rosbag2ReplayTests : IDisposable
{
    private static readonly string[] Classes = ["car", "pedestrian"];

    private readonly TemporaryDirectory temp = new("rosbag2-replay-");

    public Rosbag2ReplayTests()
    {
        Directory.CreateDirectory(temp.Combine("scenarios"));
        File.WriteAllBytes(temp.Combine("scenarios", "model.onnx"), ConstantModels.Yolov8(2, new ModelBox(8, 8, 32, 24, 0.9f, 0)));
    }

    [Theory]
    [InlineData(Rosbag2StorageFormat.Sqlite3, Rosbag2CameraMessage.Image, "bag")]
    [InlineData(Rosbag2StorageFormat.Mcap, Rosbag2CameraMessage.CompressedImage, "bag")]
    [InlineData(Rosbag2StorageFormat.Mcap, Rosbag2CameraMessage.Image, "bag/bag_0.mcap")]
    [InlineData(Rosbag2StorageFormat.Sqlite3, Rosbag2CameraMessage.CompressedImage, "file://{root}/scenarios/bag")]
    public void Scenario_on_a_bag_replays_its_frames_against_its_truth(Rosbag2StorageFormat storage, Rosbag2CameraMessage camera, string source)
    {
        WriteBag("bag", storage, camera, "car");
        var path = WriteScenario("tiny", source.Replace("{root}", temp.Path, StringComparison.Ordinal));

        var result = ScenarioRunner.Run(ScenarioLoader.LoadFile(path), temp.Combine("cache"));

        Assert.Equal(3, result.Frames);
        Assert.Equal(1.0, result.Metrics["recall@0.5"], 9);
    }

    [Fact]
    public void Bag_with_an_unknown_truth_class_fails_its_scenario_with_the_label_named_and_the_others_still_run()
    {
        WriteBag("good", Rosbag2StorageFormat.Sqlite3, Rosbag2CameraMessage.Image, "car");
        WriteBag("bad", Rosbag2StorageFormat.Mcap, Rosbag2CameraMessage.Image, "truck");
        WriteScenario("good", "good");
        WriteScenario("bad", "bad");

        var suite = GateSuite.Run(
            new SuiteOptions(temp.Combine("scenarios"), temp.Combine("baselines"), RepositoryPaths.Cache, null, [], RunKind.PullRequest, false) { ResultsDirectory = temp.Combine("results"), Ids = ["bad", "good"] },
            []);

        var bad = suite.Scenarios.Single(s => s.Verdict.ScenarioId == "bad").Verdict;
        Assert.True(bad.Failed);
        Assert.Contains(temp.Combine("scenarios", "bad"), bad.Error, StringComparison.Ordinal);
        Assert.Contains("truth label 'truck' maps to no class (evaluation classes: 'car', 'pedestrian')", bad.Error, StringComparison.Ordinal);
        Assert.Null(suite.Scenarios.Single(s => s.Verdict.ScenarioId == "good").Verdict.Error);
    }

    public void Dispose() => temp.Dispose();

    private void WriteBag(string name, Rosbag2StorageFormat storage, Rosbag2CameraMessage camera, string label)
    {
        var size = ConstantModels.InputSize;
        var image = CameraImage.Packed(size, size, PixelFormat.Rgb8, new byte[size * size * 3]);
        using var writer = new Rosbag2ClipWriter(temp.Combine("scenarios", name), storage, "/camera/image", "/camera/truth", [label], camera);
        for (var i = 0; i < 3; i++)
        {
            writer.WriteFrame((i + 1) * 100_000_000L, image, [new TruthBox(0, 8, 8, 24, 16)]);
        }
    }

    private string WriteScenario(string id, string source)
    {
        var path = temp.Combine("scenarios", id + ".yaml");
        File.WriteAllText(path, $$"""
            id: {{id}}
            tags: [pr]
            clip:
              source: {{source}}
              camera: /camera/image
              truth: /camera/truth
            model:
              source: model.onnx
              layout: yolov8
              input: { width: {{ConstantModels.InputSize}}, height: {{ConstantModels.InputSize}}, letterbox: true }
              classes: [{{string.Join(", ", Classes)}}]
              session: { intra_op_threads: 1 }
            postprocess: { score_threshold: 0.25, iou_threshold: 0.45, max_detections: 100 }
            """);
        return path;
    }
}
