using System.Globalization;
using System.Text.Json;
using Harness.Gate;
using Harness.Metrics;
using Harness.Metrics.Coco;
using static Harness.Results.JsonValues;

namespace Harness.Results;

/// <summary>
/// A <see cref="ScenarioResult"/> as the bundle's <c>"result"</c> object: metrics (sorted), hashes, provenance,
/// precision-recall curves and the review frames, which refer to the scored frames by ordinal (their truth and
/// detections are in <c>truth.bin</c> and <c>detections.bin</c>) and to their image, where one was kept, by file name.
/// </summary>
internal static class ResultJson
{
    public static string ImageFile(ReviewFrame frame) =>
        ResultBundleFiles.ReviewImagePrefix + frame.FrameIndex.ToString(CultureInfo.InvariantCulture) + ResultBundleFiles.ReviewImageExtension;

    public static void Write(Utf8JsonWriter writer, ScenarioResult result, FlipJson flips)
    {
        writer.WriteStartObject("result");
        writer.WriteString("clip_sha256", result.ClipSha256);
        writer.WriteString("detections", ResultBundleFiles.Detections);
        writer.WriteString("detections_sha256", result.DetectionsSha256);
        writer.WriteNumber("frames", result.Frames);
        writer.WriteStartObject("metrics");
        foreach (var (name, value) in result.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            Number(writer, name, value);
        }

        writer.WriteEndObject();
        writer.WriteString("model_sha256", result.ModelSha256);
        writer.WriteStartObject("precision_curves");
        foreach (var (name, curve) in result.PrecisionCurves.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            writer.WriteStartObject(name);
            Numbers(writer, "precision", curve.Precision);
            Numbers(writer, "recall", curve.Recall);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        if (result.Provenance is { } provenance)
        {
            ProvenanceJson.Write(writer, provenance);
        }

        writer.WriteStartArray("review_frames");
        foreach (var frame in result.ReviewFrames)
        {
            WriteReviewFrame(writer, frame, result.ScoredFrames, flips);
        }

        writer.WriteEndArray();
        writer.WriteString("scenario", result.ScenarioId);
        if (result.SettingsSha256 is { } settings)
        {
            writer.WriteString("settings_sha256", settings);
        }

        if (result.TrackStrips.Count > 0)
        {
            TrackStripJson.Write(writer, result.TrackStrips);
        }

        writer.WriteString("truth", ResultBundleFiles.Truth);
        writer.WriteEndObject();
    }

    /// <param name="frames">The scored frames, read from <c>truth.bin</c> and <c>detections.bin</c>.</param>
    /// <param name="image">Reads a review frame's image from the bundle file of that name.</param>
    public static ScenarioResult Read(JsonElement element, IReadOnlyList<ScoredFrame> frames, IReadOnlyList<IReadOnlyList<Detection>>? baseline,
        FlipJson flips, Func<string, ReviewImage> image, string path)
    {
        var count = Integer(element, "frames", path);
        if (count != frames.Count)
        {
            throw new ResultsFormatException($"{path}: records {count} frames, its frame files hold {frames.Count}");
        }

        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var metric in Object(element, "metrics", path))
        {
            metrics[metric.Name] = AsReal(metric.Value, "metrics." + metric.Name, path);
        }

        var curves = new SortedDictionary<string, CocoPrecisionCurve>(StringComparer.Ordinal);
        foreach (var curve in Object(element, "precision_curves", path))
        {
            curves[curve.Name] = new CocoPrecisionCurve(Reals(curve.Value, "recall", path), Reals(curve.Value, "precision", path));
        }

        return new ScenarioResult(
            Text(element, "scenario", path),
            metrics,
            Text(element, "clip_sha256", path),
            Text(element, "model_sha256", path),
            Text(element, "detections_sha256", path),
            count)
        {
            PrecisionCurves = curves,
            ScoredFrames = frames,
            Provenance = Optional(element, ProvenanceJson.Property) is { } provenance ? ProvenanceJson.Read(provenance, path) : null,
            SettingsSha256 = OptionalText(element, "settings_sha256", path),
            ReviewFrames = [.. Array(element, "review_frames", path).Select(f => ReadReviewFrame(f, frames, baseline, flips, image, path))],
            TrackStrips = TrackStripJson.Read(element, frames, image, path),
        };
    }

    private static void WriteReviewFrame(Utf8JsonWriter writer, ReviewFrame frame, IReadOnlyList<ScoredFrame> frames, FlipJson flips)
    {
        var ordinal = Ordinal(frames, frame.FrameIndex);
        writer.WriteStartObject();
        writer.WriteStartArray("flips");
        foreach (var flip in frame.Flips)
        {
            flips.Write(writer, flip);
        }

        writer.WriteEndArray();
        if (frame.Image is not null)
        {
            writer.WriteString("image", ImageFile(frame));
        }

        writer.WriteNumber("index", frame.FrameIndex);
        writer.WriteStartArray("matches");
        foreach (var match in frame.Matches)
        {
            writer.WriteStringValue(Name(match));
        }

        writer.WriteEndArray();
        writer.WriteStartArray("missed");
        foreach (var missed in frame.Missed)
        {
            writer.WriteBooleanValue(missed);
        }

        writer.WriteEndArray();
        writer.WriteNumber("ordinal", ordinal);
        writer.WriteEndObject();
    }

    private static ReviewFrame ReadReviewFrame(JsonElement element, IReadOnlyList<ScoredFrame> frames, IReadOnlyList<IReadOnlyList<Detection>>? baseline,
        FlipJson flips, Func<string, ReviewImage> image, string path)
    {
        var ordinal = Integer(element, "ordinal", path);
        var index = Long(element, "index", path);
        if (ordinal < 0 || ordinal >= frames.Count || frames[ordinal].Index != index)
        {
            throw new ResultsFormatException($"{path}: review frame {index} names ordinal {ordinal}, which is not that frame");
        }

        var scored = frames[ordinal];
        var missed = Array(element, "missed", path).Select(m => m.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw WrongType("missed", "true or false", m, path),
        }).ToArray();
        var matches = Array(element, "matches", path).Select(m => AsEnum<DetectionMatch>(m, "matches", path)).ToArray();
        if (missed.Length != scored.Truth.Count || matches.Length != scored.Detections.Count)
        {
            throw new ResultsFormatException($"{path}: review frame {index} has {missed.Length} 'missed' and {matches.Length} 'matches' for {scored.Truth.Count} truth boxes and {scored.Detections.Count} detections");
        }

        var before = baseline is not null && ordinal < baseline.Count ? baseline[ordinal] : null;
        var file = OptionalText(element, "image", path);
        return new ReviewFrame(index, file is null ? null : image(file), scored.Truth, missed, scored.Detections, matches)
        {
            BaselineDetections = before,
            Flips = [.. Array(element, "flips", path).Select(f => flips.Read(f, path))],
        };
    }

    private static int Ordinal(IReadOnlyList<ScoredFrame> frames, long index)
    {
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames[i].Index == index)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"review frame {index} is not one of the scored frames");
    }

    private static void Numbers(Utf8JsonWriter writer, string name, IReadOnlyList<double> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            Number(writer, value);
        }

        writer.WriteEndArray();
    }

    private static double[] Reals(JsonElement element, string name, string path) =>
        [.. Array(element, name, path).Select(v => AsReal(v, name, path))];
}
