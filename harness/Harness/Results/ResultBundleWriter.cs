using Harness.Gate;
using Harness.IO;
using Harness.Threading;
using static Harness.Results.JsonValues;

namespace Harness.Results;

/// <summary>
/// Writes a <see cref="ResultBundle"/> under <c>&lt;results&gt;/&lt;id&gt;/</c>. The same bundle always gives the same
/// bytes: keys in ordinal order, invariant numbers, truth and detections as their exact bits, the review frames' JPEG
/// bytes as they are. The folder is emptied first, so no file of an earlier run survives, and every file is written
/// atomically, <c>bundle.json</c> last: a folder without it is an interrupted write, never a bundle.
/// </summary>
internal static class ResultBundleWriter
{
    /// <summary>
    /// 2: truth in <c>truth.bin</c> (was <c>frames.json</c>), review images JPEG and optional (were PNG, always). Track
    /// strips came later within format 2, as an optional key: a bundle without them reads as having none.
    /// </summary>
    public const int FormatVersion = 2;

    /// <returns>The bundle's folder.</returns>
    public static string Write(string resultsDirectory, ResultBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var folder = Path.Combine(resultsDirectory, ResultBundleFiles.FolderName(bundle.ScenarioId));
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var frames = bundle.Result?.ScoredFrames ?? [];

        // The files beside bundle.json do not depend on each other: encoding the snapshots on every core takes them off
        // the end of the run, and each file's bytes are the same either way.
        var files = new List<Action>();
        if (bundle.Result is { } result)
        {
            files.Add(() => TruthSnapshotFormat.Write(Path.Combine(folder, ResultBundleFiles.Truth), ScoredFrameFiles.Truth(frames)));
            files.Add(() => DetectionSnapshotFormat.Write(Path.Combine(folder, ResultBundleFiles.Detections), ScoredFrameFiles.Detections(frames)));
            files.AddRange(result.ReviewFrames.Where(frame => frame.Image is not null)
                .Select(frame => (Action)(() => WriteFile(Path.Combine(folder, ResultJson.ImageFile(frame)), frame.Image!.Jpeg.ToArray()))));
            files.AddRange(result.TrackStrips.Select(strip => (Action)(() => WriteFile(Path.Combine(folder, TrackStripJson.ImageFile(strip)), strip.Image.Jpeg.ToArray()))));
        }

        if (bundle.BaselineDetections is { } baseline)
        {
            // The baseline's detections are kept by frame ordinal, which stands in for the frame index there.
            files.Add(() => DetectionSnapshotFormat.Write(Path.Combine(folder, ResultBundleFiles.BaselineDetections), new DetectionSnapshot([.. baseline.Select((d, ordinal) => new SnapshotFrame(ordinal, d))])));
        }

        Concurrently.Run(files);
        var flips = new FlipJson(frames, bundle.BaselineDetections);
        WriteFile(Path.Combine(folder, ResultBundleFiles.Bundle), Document(writer =>
        {
            writer.WriteStartObject();
            if (bundle.BaselineDetections is not null)
            {
                writer.WriteString("baseline_detections", ResultBundleFiles.BaselineDetections);
            }

            writer.WriteNumber("format", FormatVersion);
            OptionalNumber(writer, "replay_seconds", bundle.ReplaySeconds);
            if (bundle.Result is { } measured)
            {
                ResultJson.Write(writer, measured, flips);
            }

            if (bundle.Scenario is { } facts)
            {
                FactsJson.Write(writer, facts);
            }

            if (bundle.Trend.Count > 0)
            {
                TrendJson.Write(writer, bundle.Trend);
            }

            VerdictJson.Write(writer, bundle.Verdict, flips);
            writer.WriteEndObject();
        }));
        return folder;
    }

    private static void WriteFile(string path, byte[] bytes) => AtomicFile.Write(path, temporary => File.WriteAllBytes(temporary, bytes));
}
