using Harness.Models;
using Harness.Running;

namespace Harness.Cli.Init;

/// <summary>
/// The scenario a new repository starts with: a synthetic street clip through the built-in reference detector, so
/// the gate runs with nothing downloaded. Both hashes are pinned by running the generators, as a run would.
/// </summary>
internal static class ExampleScenario
{
    public const string Id = "example";

    public const string ClipSource = "synthetic://urban-day?seed=7&frames=60";

    public const string ModelName = "detector-v1";

    public const string Path = $"scenarios/{Id}.yaml";

    /// <exception cref="IOException">The clip cannot be written to <paramref name="cacheDirectory"/>.</exception>
    public static ScaffoldFile File(string cacheDirectory)
    {
        var (_, clipSha256) = SyntheticClips.Generate(ClipSource, cacheDirectory);
        var modelSha256 = PinnedHash.OfBytes(ReferenceModels.Build(ModelName));
        return new ScaffoldFile(Path, $"""
            # A synthetic street clip through the built-in reference detector: the gate runs with nothing downloaded.
            # `harness init --from model.onnx --clip recording.mcap` writes a scenario for your own model and recording.
            id: {Id}
            description: Synthetic daytime street through the reference detector
            tags: [pr]
            clip:
              source: {ClipSource}
              sha256: {clipSha256}
              camera: /camera/front
              truth: /truth/front
            model:
              source: {ReferenceModels.UriScheme}{ModelName}
              sha256: {modelSha256}
              layout: yolov8
              input: {"{"} width: 640, height: 384, letterbox: true, scale: 0.00392156862 {"}"}
              classes: [{string.Join(", ", ReferenceModels.ClassNames)}]
            postprocess: {"{"} score_threshold: 0.25, iou_threshold: 0.45, max_detections: 300 {"}"}
            # Sixty frames (617 objects) resolve a change of about 0.04: a smaller allowance is an error that says what
            # the clip resolves. Longer clips resolve smaller changes (docs/gating.md).
            gates:
              - metric: coco/AP
                max_drop: 0.05
              - metric: coco/AP50
                max_drop: 0.05

            """);
    }
}
