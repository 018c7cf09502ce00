using System.Text;
using Harness.Clips;
using Harness.Clips.Kitti;
using Harness.Running;

namespace Harness.Cli.Init;

/// <summary>
/// A scenario for the user's own model and recording (<c>harness init --from model.onnx --clip recording.mcap</c>):
/// both pinned by SHA-256, and the model section written by <c>harness inspect</c>'s stanza, with the layout, input
/// size and classes the model's metadata says.
/// </summary>
internal static class ModelScenario
{
    /// <summary>The classes KITTI's evaluation scores, each with the model classes that stand for it: its own name, then COCO's.</summary>
    private static readonly (string Kitti, string[] Model)[] KittiClasses =
        [("car", ["car"]), ("pedestrian", ["pedestrian", "person"]), ("cyclist", ["cyclist", "bicycle"])];

    /// <summary>Where the scenario for <paramref name="modelPath"/> goes: named after the model file.</summary>
    public static string PathFor(string modelPath) => $"scenarios/{IdOf(Path.GetFileNameWithoutExtension(modelPath))}.yaml";

    /// <param name="root">The repository folder; the scenario names both files relative to its <c>scenarios/</c> folder.</param>
    /// <exception cref="Harness.Inference.DetectorModelException">The model cannot be read.</exception>
    public static (ScaffoldFile File, ModelInspection Inspection) File(string root, string modelPath, string clipPath)
    {
        var inspection = ModelInspection.Of(modelPath);
        var id = IdOf(Path.GetFileNameWithoutExtension(modelPath));
        var scenarios = Path.Combine(root, "scenarios");
        var text = new StringBuilder();
        text.Append($"""
            id: {id}
            description: {Path.GetFileName(modelPath)} on {Path.GetFileName(Path.TrimEndingDirectorySeparator(clipPath))}
            tags: [pr]
            clip:
              source: {Relative(scenarios, clipPath)}
              sha256: {PinnedHash.OfClip(clipPath)}
              camera: /camera/front  # the camera topic of an MCAP file or ROS 2 bag
              truth: /truth/front    # its ground-truth topic (docs/clips.md)

            """);
        text.Append(inspection.Stanza(Relative(scenarios, modelPath)));
        if (IsKitti(clipPath))
        {
            text.Append(KittiHint(inspection.Ultralytics?.Names));
        }

        text.Append("""
            postprocess: { score_threshold: 0.25, iou_threshold: 0.45, max_detections: 300 }
            # The first run says what change this clip resolves if 0.005 is finer than that: lengthen the clip or
            # widen the allowance to it (docs/gating.md, "Clips long enough to decide").
            gates:
              - metric: coco/AP
                max_drop: 0.005

            """);
        return (new ScaffoldFile(PathFor(modelPath), text.ToString()), inspection);
    }

    private static bool IsKitti(string clipPath)
    {
        var probe = ClipProbe.Of(clipPath);
        return ClipFormatRegistry.Formats.FirstOrDefault(format => format.Recognizes(probe)) is KittiClipFormat;
    }

    /// <summary>
    /// A commented class map for KITTI's three evaluated classes: a KITTI folder labels types neither a KITTI-trained
    /// nor a COCO model names (Tram, Misc), which fail the replay until the scenario maps or leaves them out.
    /// </summary>
    private static string KittiHint(IReadOnlyList<string>? modelClasses)
    {
        var entries = KittiClasses.Select(c =>
            $"{c.Kitti}: [{c.Model.FirstOrDefault(name => modelClasses?.Contains(name, StringComparer.OrdinalIgnoreCase) == true) ?? "<model class>"}]");
        return $$"""
              # KITTI labels more types than its evaluation scores (Van, Truck, Tram, Misc, ...). To score Car, Pedestrian and
              # Cyclist alone, uncomment these: other model classes' detections are dropped and truth no class_map key
              # reaches is left out (docs/clips.md, "KITTI object folder").
              # class_map: { {{string.Join(", ", entries)}} }
              # evaluate: mapped

            """;
    }

    /// <summary>A scenario id (it names the baseline file) from a file name: lower-case letters, digits and dashes.</summary>
    internal static string IdOf(string name)
    {
        var id = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            var kept = char.IsAsciiLetterOrDigit(c) ? c : '-';
            if (kept != '-' || (id.Length > 0 && id[^1] != '-'))
            {
                id.Append(kept);
            }
        }

        var trimmed = id.ToString().Trim('-');
        return trimmed.Length > 0 ? trimmed : "model";
    }

    private static string Relative(string from, string path) => Path.GetRelativePath(from, Path.GetFullPath(path)).Replace('\\', '/');
}
