using Harness.Models.Onnx;
using Harness.Running;
using Harness.Tests.Postprocessing.Exporters;

namespace Harness.Tests.Running;

/// <summary>
/// Whole replays with exporter-shaped models whose layout takes settings from the scenario: the settings reach the
/// decoder, and a uint8 model with a scaled input is refused before any frame runs.
/// </summary>
public sealed class ScenarioRunnerExporterLayoutTests
{
    private const int Frames = 2;
    private static readonly string[] Classes = ["car", "pedestrian"];

    /// <summary>Corners (8, 8)-(32, 24) in the 64 x 64 input, which is also the image, so the letterbox is the identity.</summary>
    private static readonly TruthBox Car = new(0, 8, 8, 24, 16);

    [Fact]
    public void Rtdetr_scores_setting_reaches_the_decoder()
    {
        // Query 0: cx 20/64, cy 16/64, w 24/64, h 16/64 -> (8, 8) - (32, 24), the car, logit 2.2 (0.90). Query 1: a
        // stray box whose best logit is pedestrian's -0.5: 0.38 after the sigmoid, a false positive above the 0.25
        // threshold; read as a probability, -0.5 is below it. Every other logit is -12, nothing either way.
        var data = new float[300 * 6];
        for (var q = 0; q < 300; q++)
        {
            data[(q * 6) + 4] = -12f;
            data[(q * 6) + 5] = -12f;
        }

        float[] car = [20f / 64, 16f / 64, 24f / 64, 16f / 64, 2.2f, -12f];
        float[] stray = [48f / 64, 48f / 64, 8f / 64, 8f / 64, -12f, -0.5f];
        car.CopyTo(data, 0);
        stray.CopyTo(data, 6);
        using var workspace = new ReplayWorkspace();
        workspace.WriteClip(Frames, Car);
        workspace.WriteModel(new ExporterModel("images", OnnxElementType.Float, 1, 3, 64, 64).Output("output0", OnnxElementType.Float, [1, 300, 6], data).Bytes());

        var asLogits = workspace.Run(WithSettings(workspace, "rtdetr", "scores: logits"));
        var asProbabilities = workspace.Run(WithSettings(workspace, "rtdetr"));

        Assert.Equal(1.0, asLogits.Metrics["coco/AP"], 9);
        Assert.Equal(1.0, asLogits.Metrics["fp_per_frame"], 9);
        Assert.Equal(0.0, asProbabilities.Metrics["fp_per_frame"], 9);
    }

    [Fact]
    public void Uint8_model_with_a_scaled_input_is_refused_naming_the_model_and_the_fix()
    {
        using var workspace = new ReplayWorkspace();
        workspace.WriteClip(Frames, Car);
        workspace.WriteModel(new ExporterModel("input_tensor", OnnxElementType.UInt8, 1, -1, -1, 3)
            .Output("detection_boxes", OnnxElementType.Float, [1, 1, 4], [0, 0, 1, 1])
            .Output("detection_classes", OnnxElementType.Float, [1, 1], [1f])
            .Output("detection_scores", OnnxElementType.Float, [1, 1], [0.9f])
            .Output("num_detections", OnnxElementType.Float, [1], [1f])
            .Bytes());

        var error = Assert.Throws<ScenarioInputException>(() => workspace.Run(WithSettings(workspace, "tf-od-api")));

        Assert.Equal($"model '{workspace.ModelPath}' takes uint8 pixels (0-255): its scenario input needs scale: 1 and no mean or std", error.Message);
    }

    private static string WithSettings(ReplayWorkspace workspace, string layout, params string[] settings)
    {
        var path = workspace.WriteScenario(layout, Classes);
        var text = File.ReadAllText(path).Replace($"  layout: {layout}\n", $"  layout: {layout}\n" + string.Concat(settings.Select(s => $"  {s}\n")), StringComparison.Ordinal);
        File.WriteAllText(path, text);
        return path;
    }
}
