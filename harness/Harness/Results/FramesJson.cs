using System.Text.Json;
using Harness.Gate;
using Harness.Metrics;
using static Harness.Results.JsonValues;

namespace Harness.Results;

/// <summary>
/// <c>frames.json</c>: every scored frame's index, timestamp and truth boxes, in clip order. The frames' detections
/// are in <c>detections.bin</c> (<see cref="DetectionSnapshotFormat"/>); <see cref="Join"/> pairs the two by frame.
/// </summary>
internal static class FramesJson
{
    public static byte[] Write(IReadOnlyList<ScoredFrame> frames) => Document(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("frames");
        foreach (var frame in frames)
        {
            writer.WriteStartObject();
            writer.WriteNumber("index", frame.Index);
            writer.WriteNumber("timestamp_ns", frame.TimestampNs);
            writer.WriteStartArray("truth");
            foreach (var box in frame.Truth)
            {
                WriteTruth(writer, box);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    /// <exception cref="ResultsFormatException">The two files do not describe the same frames.</exception>
    public static IReadOnlyList<ScoredFrame> Join(JsonElement root, DetectionSnapshot detections, string path)
    {
        var frames = new List<ScoredFrame>(detections.Frames.Count);
        foreach (var frame in Array(root, "frames", path))
        {
            var index = Long(frame, "index", path);
            if (frames.Count >= detections.Frames.Count || detections.Frames[frames.Count].Index != index)
            {
                throw new ResultsFormatException($"{path}: frame {index} (ordinal {frames.Count}) is not the frame {ResultBundleFiles.Detections} holds there");
            }

            frames.Add(new ScoredFrame(index, Long(frame, "timestamp_ns", path), [.. Array(frame, "truth", path).Select(t => ReadTruth(t, path))], detections.Frames[frames.Count].Detections));
        }

        return frames.Count == detections.Frames.Count
            ? frames
            : throw new ResultsFormatException($"{path}: holds {frames.Count} frames, {ResultBundleFiles.Detections} {detections.Frames.Count}");
    }

    private static void WriteTruth(Utf8JsonWriter writer, TruthBox box)
    {
        writer.WriteStartObject();
        if (box.Box3D is { } b)
        {
            writer.WriteStartArray("box3d");
            foreach (var value in new[] { b.CenterX, b.CenterY, b.CenterZ, b.Length, b.Width, b.Height, b.Yaw })
            {
                writer.WriteNumberValue(value);
            }

            writer.WriteEndArray();
        }

        writer.WriteNumber("class_id", box.ClassId);
        writer.WriteNumber("height", box.Height);
        writer.WriteBoolean("ignore", box.Ignore);
        writer.WriteNumber("occlusion", box.Occlusion);
        if (box.RangeMeters is { } range)
        {
            writer.WriteNumber("range_m", range);
        }

        writer.WriteNumber("track_id", box.TrackId);
        writer.WriteNumber("width", box.Width);
        writer.WriteNumber("x", box.X);
        writer.WriteNumber("y", box.Y);
        writer.WriteEndObject();
    }

    private static TruthBox ReadTruth(JsonElement element, string path)
    {
        Box3D? box3D = null;
        if (Optional(element, "box3d") is not null)
        {
            var v = Array(element, "box3d", path).Select(x => AsSingle(x, "box3d", path)).ToArray();
            box3D = v.Length == 7 ? new Box3D(v[0], v[1], v[2], v[3], v[4], v[5], v[6]) : throw new ResultsFormatException($"{path}: 'box3d' has {v.Length} values, expected 7");
        }

        return new TruthBox(
            Integer(element, "class_id", path),
            Single(element, "x", path),
            Single(element, "y", path),
            Single(element, "width", path),
            Single(element, "height", path),
            Integer(element, "track_id", path),
            Single(element, "occlusion", path),
            Optional(element, "range_m") is not null ? Single(element, "range_m", path) : null,
            Flag(element, "ignore", path),
            box3D);
    }

    private static float Single(JsonElement element, string name, string path) => AsSingle(Property(element, name, path), name, path);
}
