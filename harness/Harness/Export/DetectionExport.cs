using Harness.Clips;
using Harness.Results;

namespace Harness.Export;

/// <summary>A frame as an export writes it: its image id and source as the recording names them, its truth and detections.</summary>
internal sealed record ExportedFrame(long Index, long TimestampNs, long ImageId, string Source, IReadOnlyList<TruthBox> Truth, IReadOnlyList<Detection> Detections);

/// <summary>The category an evaluation class is written as.</summary>
internal readonly record struct ExportCategory(long Id, string Name);

/// <summary>
/// One scenario's detections (the run's or its baseline's) and the truth they were scored against, with the ids an
/// export writes. Where the recording names its frames and categories (<see cref="ClipIndex"/>: a COCO file's image
/// and category ids, a KITTI folder's image files) those are used, so the owner's own tools read the export;
/// elsewhere a frame is its index and its camera topic at its timestamp, and evaluation class <c>c</c> is category
/// <c>c + 1</c>. A class the recording has no category for has <see langword="null"/> in <see cref="Categories"/>:
/// its detections are left out, as pycocotools ignores detections of categories its ground truth lacks.
/// </summary>
internal sealed record DetectionExport(string ScenarioId, string? ClipFormat, IReadOnlyList<string> ClassNames, IReadOnlyList<ExportCategory?> Categories, IReadOnlyList<ExportedFrame> Frames)
{
    /// <exception cref="ExportException">The scenario did not run, or has no baseline detections when those are asked for.</exception>
    public static DetectionExport Of(ResultBundle bundle, bool baseline, ClipIndex? index)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        if (bundle.Result is not { } result || bundle.Scenario is not { } facts)
        {
            throw new ExportException($"{bundle.ScenarioId}: the scenario did not run ({bundle.Verdict.Error ?? bundle.Verdict.Summary}); it has no detections to export");
        }

        var detections = baseline
            ? bundle.BaselineDetections ?? throw new ExportException($"{bundle.ScenarioId}: the run was compared with no baseline detection snapshot; there are no baseline detections to export")
            : [.. result.ScoredFrames.Select(f => f.Detections)];
        if (detections.Count != result.ScoredFrames.Count)
        {
            throw new ExportException($"{bundle.ScenarioId}: the baseline has detections of {detections.Count} frames, the run scored {result.ScoredFrames.Count}");
        }

        var frames = new List<ExportedFrame>(result.ScoredFrames.Count);
        for (var i = 0; i < result.ScoredFrames.Count; i++)
        {
            var frame = result.ScoredFrames[i];
            var named = index is null ? (IndexedFrame?)null
                : frame.Index < index.Frames.Count ? index.Frames[(int)frame.Index]
                : throw new ExportException($"{bundle.ScenarioId}: frame {frame.Index} is not in its clip '{facts.Clip.Source}' ({index.Frames.Count} frames)");
            frames.Add(new ExportedFrame(frame.Index, frame.TimestampNs, named?.Id ?? frame.Index,
                named?.Name ?? FormattableString.Invariant($"{facts.Clip.Camera}@{frame.TimestampNs}"), frame.Truth, detections[i]));
        }

        var classes = facts.Classes.EvaluationClasses;
        return new DetectionExport(bundle.ScenarioId, index?.Format, classes, [.. classes.Select((name, c) => Category(name, c, facts.Classes, index))], frames);
    }

    /// <summary>The recording's category of class <paramref name="c"/>: the one named like it, else the lowest id that maps to it.</summary>
    private static ExportCategory? Category(string name, int c, ClassMap classes, ClipIndex? index)
    {
        if (index is null || index.Categories.Count == 0)
        {
            return new ExportCategory(c + 1, name);
        }

        var mapped = index.Categories
            .Where(category => classes.TryGetTruthClass(category.Name, out var id) && id == c)
            .OrderBy(category => string.Equals(category.Name, name, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(category => category.Id)
            .Select(category => (ExportCategory?)new ExportCategory(category.Id, category.Name));
        return mapped.FirstOrDefault();
    }
}
