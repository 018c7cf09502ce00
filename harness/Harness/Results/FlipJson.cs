using System.Text.Json;
using Harness.Metrics;
using Harness.Metrics.Flips;
using static Harness.Results.JsonValues;

namespace Harness.Results;

/// <summary>
/// An <see cref="ObjectFlip"/> as JSON that refers to the bundle's own frames rather than repeating them: its truth box
/// by position in the frame's truth, its detections by position in the frame's detections of this run and of the
/// baseline (<c>detections.bin</c>, <c>baseline-detections.bin</c>), which hold each detection's exact bits.
/// </summary>
internal sealed class FlipJson(IReadOnlyList<ScoredFrame> frames, IReadOnlyList<IReadOnlyList<Detection>>? baseline)
{
    public void Write(Utf8JsonWriter writer, ObjectFlip flip)
    {
        var frame = Frame(flip.FrameOrdinal);
        writer.WriteStartObject();
        if (flip.Baseline is { } before)
        {
            writer.WriteNumber("baseline", Position(BaselineOf(flip.FrameOrdinal), before, "baseline detection"));
        }

        writer.WriteNumber("class_id", flip.ClassId);
        if (flip.Current is { } now)
        {
            writer.WriteNumber("current", Position(frame.Detections, now, "detection"));
        }

        writer.WriteNumber("frame_index", flip.FrameIndex);
        writer.WriteNumber("frame_ordinal", flip.FrameOrdinal);
        writer.WriteString("kind", Name(flip.Kind));
        Number(writer, "severity", flip.Severity);
        if (flip.Truth is { } truth)
        {
            writer.WriteNumber("truth", Position(frame.Truth, truth, "truth box"));
        }

        writer.WriteEndObject();
    }

    public ObjectFlip Read(JsonElement element, string path)
    {
        var ordinal = Integer(element, "frame_ordinal", path);
        if (ordinal < 0 || ordinal >= frames.Count)
        {
            throw new ResultsFormatException($"{path}: a flip refers to frame ordinal {ordinal}, the bundle has {frames.Count} frames");
        }

        var frame = frames[ordinal];
        return new ObjectFlip(
            ordinal,
            Long(element, "frame_index", path),
            AsEnum<FlipKind>(Property(element, "kind", path), "kind", path),
            Integer(element, "class_id", path),
            Optional(element, "truth") is not null ? At(frame.Truth, Integer(element, "truth", path), "truth", path) : null,
            Optional(element, "baseline") is not null ? At(baseline is not null && ordinal < baseline.Count ? baseline[ordinal] : [], Integer(element, "baseline", path), "baseline", path) : null,
            Optional(element, "current") is not null ? At(frame.Detections, Integer(element, "current", path), "current", path) : null,
            Real(element, "severity", path));
    }

    private ScoredFrame Frame(int ordinal) =>
        ordinal >= 0 && ordinal < frames.Count ? frames[ordinal] : throw new InvalidOperationException($"a flip refers to frame ordinal {ordinal}, the run scored {frames.Count} frames");

    private IReadOnlyList<Detection> BaselineOf(int ordinal) =>
        baseline is not null && ordinal < baseline.Count ? baseline[ordinal] : throw new InvalidOperationException($"a flip refers to the baseline's frame {ordinal}, which the baseline does not have");

    private static int Position<T>(IReadOnlyList<T> items, T item, string what)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(items[i], item))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"a flip's {what} is not one of its frame's");
    }

    private static T At<T>(IReadOnlyList<T> items, int position, string name, string path) =>
        position >= 0 && position < items.Count ? items[position] : throw new ResultsFormatException($"{path}: a flip's '{name}' is {position}, its frame has {items.Count}");
}
