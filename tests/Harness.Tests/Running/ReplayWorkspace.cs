using System.Globalization;
using Harness.Clips.Mcap;
using Harness.Metrics;
using Harness.Running;
using Harness.Scenarios;

namespace Harness.Tests.Running;

/// <summary>A temporary folder holding one small MCAP clip, one model and one scenario that replays them.</summary>
internal sealed class ReplayWorkspace : IDisposable
{
    public const string ClipFile = "clip.mcap";
    public const string ModelFile = "model.onnx";

    public ReplayWorkspace()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "harness-replay-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string ClipPath => Path(ClipFile);

    public string ModelPath => Path(ModelFile);

    public string Path(string name) => System.IO.Path.Combine(Directory, name);

    /// <summary>The truth class names <see cref="WriteClip(int, TruthBox[])"/> writes: a truth box's class id indexes them.</summary>
    public static readonly string[] ClipClasses = ["car", "pedestrian"];

    /// <summary>Writes <paramref name="frames"/> black frames of the model's input size, each with the same truth, classes named by <see cref="ClipClasses"/>.</summary>
    public void WriteClip(int frames, params TruthBox[] truth) => WriteClip(ClipClasses, frames, truth);

    /// <summary>Writes <paramref name="frames"/> black frames whose truth class ids index <paramref name="classNames"/>.</summary>
    public void WriteClip(IReadOnlyList<string> classNames, int frames, params TruthBox[] truth)
    {
        var size = ConstantModels.InputSize;
        var image = CameraImage.Packed(size, size, PixelFormat.Rgb8, new byte[size * size * 3]);
        using var writer = McapClipWriter.Create(ClipPath, "/camera/front", "/truth/front", classNames);
        for (var i = 0; i < frames; i++)
        {
            writer.WriteFrame((i + 1) * 100_000_000L, image, truth);
        }
    }

    public void WriteModel(byte[] model) => File.WriteAllBytes(ModelPath, model);

    /// <param name="modelLines">Further lines of the scenario's <c>model</c> section (e.g. <c>  ignore: [DontCare]</c>).</param>
    public string WriteScenario(string layout, string[] classes, string? clipSha256 = null, string? modelSha256 = null, IReadOnlyList<string>? modelLines = null)
    {
        var lines = new List<string>
        {
            "id: tiny",
            "tags: [pr]",
            "clip:",
            $"  source: {ClipFile}",
            "  camera: /camera/front",
            "  truth: /truth/front",
            "model:",
            $"  source: {ModelFile}",
            $"  layout: {layout}",
            string.Create(CultureInfo.InvariantCulture, $"  input: {{ width: {ConstantModels.InputSize}, height: {ConstantModels.InputSize}, letterbox: true }}"),
            $"  classes: [{string.Join(", ", classes)}]",
            "  session: { intra_op_threads: 1 }",
            "postprocess: { score_threshold: 0.25, iou_threshold: 0.45, max_detections: 100 }",
        };
        lines.InsertRange(lines.IndexOf("  session: { intra_op_threads: 1 }") + 1, modelLines ?? []);
        if (clipSha256 is not null)
        {
            lines.Insert(lines.IndexOf("  camera: /camera/front"), $"  sha256: {clipSha256}");
        }

        if (modelSha256 is not null)
        {
            lines.Insert(lines.IndexOf($"  layout: {layout}"), $"  sha256: {modelSha256}");
        }

        var path = Path("tiny.yaml");
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    public ScenarioResult Run(string scenarioPath, IReadOnlyList<IReadOnlyList<Detection>>? baselineDetections = null) =>
        ScenarioRunner.Run(ScenarioLoader.LoadFile(scenarioPath), Path("cache"), new ReplayOptions { ReviewBaseline = baselineDetections });

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
