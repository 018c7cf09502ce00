using Harness.Clips.Mcap;
using Harness.Metrics;
using Harness.Running;
using Harness.Scenarios;

namespace Harness.Tests.Running;

public class ScenarioRunnerInputErrorTests
{
    private static readonly string[] Classes = ["car", "pedestrian"];
    private static readonly ModelBox Box = new(8, 8, 32, 24, 0.9f, 0);
    private static readonly string WrongPin = new('0', 64);

    [Fact]
    public void Model_of_the_wrong_shape_for_its_layout_names_the_file_and_both_shapes()
    {
        using var workspace = Workspace(ConstantModels.Yolov8(3, Box, Box));

        var error = Assert.Throws<ScenarioInputException>(() => workspace.Run(workspace.WriteScenario("yolov8", Classes)));

        Assert.Contains(workspace.ModelPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("has shape [1, 7, 2]", error.Message, StringComparison.Ordinal);
        Assert.Contains("expects [1, 6, N]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_with_too_few_outputs_for_its_layout_names_the_file_and_the_expected_outputs()
    {
        using var workspace = Workspace(ConstantModels.Ssd(2, Box));

        var error = Assert.Throws<ScenarioInputException>(() => workspace.Run(workspace.WriteScenario("end2end", Classes)));

        Assert.Contains(workspace.ModelPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("has 2 outputs (boxes, scores) but layout end2end expects 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clip_hash_mismatch_names_the_clip_and_both_hashes()
    {
        using var workspace = Workspace(ConstantModels.Yolov8(2, Box));
        var actual = Sha256(workspace.ClipPath);

        var error = Assert.Throws<ScenarioInputException>(() => workspace.Run(workspace.WriteScenario("yolov8", Classes, clipSha256: WrongPin)));

        Assert.Contains($"clip '{workspace.ClipPath}' has sha256 {actual}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"pins {WrongPin}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clip_hash_mismatch_wins_over_a_model_that_fails_its_pin_too()
    {
        using var workspace = Workspace(ConstantModels.Yolov8(2, Box));

        var error = Assert.Throws<ScenarioInputException>(
            () => workspace.Run(workspace.WriteScenario("yolov8", Classes, clipSha256: WrongPin, modelSha256: WrongPin)));

        Assert.Contains($"clip '{workspace.ClipPath}' has sha256 {Sha256(workspace.ClipPath)}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_hash_mismatch_names_the_model_and_both_hashes()
    {
        using var workspace = Workspace(ConstantModels.Yolov8(2, Box));
        var clip = Sha256(workspace.ClipPath);
        var actual = Sha256(workspace.ModelPath);

        var error = Assert.Throws<ScenarioInputException>(
            () => workspace.Run(workspace.WriteScenario("yolov8", Classes, clipSha256: clip, modelSha256: WrongPin)));

        Assert.Contains($"model '{workspace.ModelPath}' has sha256 {actual}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"pins {WrongPin}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Correct_pins_replay()
    {
        using var workspace = Workspace(ConstantModels.Yolov8(2, Box));

        var result = workspace.Run(workspace.WriteScenario("yolov8", Classes, Sha256(workspace.ClipPath), Sha256(workspace.ModelPath)));

        Assert.Equal(Sha256(workspace.ClipPath), result.ClipSha256);
        Assert.Equal(Sha256(workspace.ModelPath), result.ModelSha256);
        Assert.Equal(1.0, result.Metrics["recall@0.5"], 9);
    }

    [Fact]
    public void A_streaming_scenario_on_a_clip_whose_times_do_not_increase_names_the_scenario_the_clip_and_the_frame()
    {
        using var workspace = new ReplayWorkspace();
        var image = CameraImage.Packed(ConstantModels.InputSize, ConstantModels.InputSize, PixelFormat.Rgb8, new byte[ConstantModels.InputSize * ConstantModels.InputSize * 3]);
        using (var writer = McapClipWriter.Create(workspace.ClipPath, "/camera/front", "/truth/front", ReplayWorkspace.ClipClasses))
        {
            writer.WriteFrame(100_000_000, image, []);
            writer.WriteFrame(100_000_000, image, []);
        }

        workspace.WriteModel(ConstantModels.Yolov8(2, Box));
        var path = workspace.WriteScenario("yolov8", Classes);
        var scenario = ScenarioLoader.LoadFile(path) with { Streaming = new StreamingProfile(45_000_000) };

        var error = Assert.Throws<ScenarioInputException>(() => ScenarioRunner.Run(scenario, workspace.Path("cache")));

        Assert.Equal($"{path}: streaming replays clip '{workspace.ClipPath}' at its recorded times, which must increase, but frame 1 is recorded at " +
            "100000000 ns, not after the frame before it (100000000 ns)", error.Message);
    }

    private static ReplayWorkspace Workspace(byte[] model)
    {
        var workspace = new ReplayWorkspace();
        workspace.WriteClip(1, new TruthBox(0, 8, 8, 24, 16));
        workspace.WriteModel(model);
        return workspace;
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
}
