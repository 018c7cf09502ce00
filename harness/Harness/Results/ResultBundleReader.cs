using System.Text.Json;
using Harness.Clips;
using Harness.Clips.Images;
using Harness.Gate;
using Harness.Metrics;
using static Harness.Results.JsonValues;

namespace Harness.Results;

/// <summary>Reads a bundle written by <see cref="ResultBundleWriter"/> back into the same <see cref="ResultBundle"/>.</summary>
internal static class ResultBundleReader
{
    /// <exception cref="ResultsFormatException">A file of the bundle is missing, truncated, corrupt, or of another format version; the message names it.</exception>
    public static ResultBundle Read(string folder)
    {
        var path = Path.Combine(folder, ResultBundleFiles.Bundle);
        using var document = Parse(path);
        var root = document.RootElement;
        try
        {
            var format = Integer(root, "format", path);
            if (format != ResultBundleWriter.FormatVersion)
            {
                throw new ResultsFormatException($"{path}: bundle format {format}, this harness reads format {ResultBundleWriter.FormatVersion}");
            }

            IReadOnlyList<IReadOnlyList<Detection>>? baseline = Optional(root, "baseline_detections") is not null
                ? [.. Detections(Inside(folder, Text(root, "baseline_detections", path), path)).Frames.Select(f => f.Detections)]
                : null;
            var result = Optional(root, "result") is { } measured ? ReadResult(folder, measured, baseline, path) : null;
            var flips = new FlipJson(result?.ScoredFrames ?? [], baseline);
            var verdict = VerdictJson.Read(Property(root, "verdict", path), flips, path);
            return new ResultBundle(
                Optional(root, "scenario") is { } facts ? FactsJson.Read(facts, path) : null,
                verdict,
                result)
            {
                BaselineDetections = baseline,
                ReplaySeconds = OptionalReal(root, "replay_seconds", path),
                Trend = TrendJson.Read(root, verdict.ScenarioId, path),
            };
        }
        catch (Exception e) when (e is BaselineFormatException or InvalidOperationException or FormatException or ClipFormatException)
        {
            throw new ResultsFormatException($"{path}: not a valid result bundle ({e.Message})", e);
        }
    }

    private static ScenarioResult ReadResult(string folder, JsonElement measured, IReadOnlyList<IReadOnlyList<Detection>>? baseline, string path)
    {
        var truthPath = Inside(folder, Text(measured, "truth", path), path);
        var frames = ScoredFrameFiles.Join(TruthSnapshotFormat.Read(truthPath), Detections(Inside(folder, Text(measured, "detections", path), path)), truthPath);
        return ResultJson.Read(measured, frames, baseline, new FlipJson(frames, baseline), file => Image(Inside(folder, file, path)), path);
    }

    private static DetectionSnapshot Detections(string path) =>
        File.Exists(path) ? DetectionSnapshotFormat.Read(path) : throw new ResultsFormatException($"{path}: missing");

    /// <summary>Decoded once, whole, so a truncated or corrupt image is refused here rather than drawn half grey in a report.</summary>
    private static ReviewImage Image(string path)
    {
        if (!File.Exists(path))
        {
            throw new ResultsFormatException($"{path}: missing");
        }

        var jpeg = File.ReadAllBytes(path);
        var decoded = ImageDecoder.DecodeRgb(jpeg, path);
        return new ReviewImage(decoded.Width, decoded.Height, jpeg);
    }

    /// <summary>A file name from the bundle's own JSON still may not point outside its folder.</summary>
    private static string Inside(string folder, string file, string jsonPath) =>
        file.Length > 0 && file == Path.GetFileName(file) && file is not ("." or "..")
            ? Path.Combine(folder, file)
            : throw new ResultsFormatException($"{jsonPath}: '{file}' is not a file name in the bundle's folder");
}
