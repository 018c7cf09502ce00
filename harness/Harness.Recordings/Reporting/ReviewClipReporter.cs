using Harness.Clips.Images;
using Harness.Clips.Mcap;
using Harness.Clips.Messages;
using Harness.IO;
using Harness.Metrics;
using Harness.Results;
using Harness.Threading;

namespace Harness.Reporting;

/// <summary>
/// <c>&lt;id&gt;/review.mcap</c> beside the HTML report, for every scenario a reviewer has to look at (failed, warned
/// or without a baseline), to scrub through in Foxglove: each frame's image on <see cref="CameraTopic"/> and, at the
/// same timestamp, its truth, the baseline run's detections and this run's on <see cref="AnnotationsTopic"/>
/// (<see cref="ReviewAnnotations"/>). The bundle does not keep every image, so the clip is opened again the way the
/// runner opened it (<see cref="IClipReopener"/>) and paired with the scored frames by position; a clip that no longer yields the frames the run scored
/// gets no review clip, and the reporter fails.
/// </summary>
public sealed class ReviewClipReporter(string outputDirectory, IClipReopener clips) : IReporter
{
    public const string FileName = "review.mcap";
    public const string CameraTopic = "/review/camera";
    public const string AnnotationsTopic = "/review/annotations";

    private const ushort CameraChannel = 1;
    private const ushort AnnotationsChannel = 2;

    public string Name => "review-mcap";

    public string PathFor(string scenarioId) => Path.Combine(outputDirectory, ResultBundleFiles.FolderName(scenarioId), FileName);

    /// <summary>
    /// Every scenario is attempted and the failures are thrown together at the end, so a clip that changed costs only
    /// its own review clip. A previous run's review clip is removed first: it must not outlive the verdict that asked for it.
    /// </summary>
    public void Export(SuiteReport report)
    {
        var failures = new List<Exception>();
        foreach (var scenario in report.Scenarios)
        {
            var path = PathFor(scenario.Verdict.ScenarioId);
            try
            {
                if (File.Exists(path))
                {
                    File.Delete(path);
                }

                if (scenario is { Scenario: { } definition, Result: { } result } && ReviewClips.NeedsReview(scenario.Verdict))
                {
                    AtomicFile.Write(path, temporary => Write(temporary, definition, result, scenario.BaselineDetections));
                }
            }
            catch (Exception e)
            {
                failures.Add(e);
            }
        }

        if (failures.Count > 0)
        {
            throw new AggregateException($"{failures.Count} review clip(s) not written", failures);
        }
    }

    private const int ReviewJpegQuality = 90;

    /// <summary>Frames encoded at once: a few per core, so memory stays a few frames whatever the clip's length.</summary>
    private static readonly int EncodeBatch = 4 * Environment.ProcessorCount;

    /// <summary>Anything but a clean pass: "pass", "equivalent" and "improved" need no scrubbing.</summary>
    /// <summary>
    /// Images as JPEG at quality 90 (foxglove.CompressedImage): a reviewer scrubs through boxes, not pixel values, and
    /// encoding PNG took most of the run's time (about 70 ms a 640x384 frame against a few for JPEG); raw rgb8 would
    /// be 0.7 MB a frame, which the chunks' LZ4 does not shrink (sensor noise). The exact pixels stay in the clip.
    /// </summary>
    private void Write(string path, ScenarioFacts scenario, ScenarioResult result, IReadOnlyList<IReadOnlyList<Detection>>? baseline)
    {
        using var clip = clips.Open(scenario, result.ClipSha256);
        using var writer = McapWriter.Create(path);
        writer.AddSchema(ClipSchemas.CompressedImage(CameraChannel));
        writer.AddSchema(ClipSchemas.ImageAnnotations(AnnotationsChannel));
        writer.AddChannel(new McapChannel(CameraChannel, CameraChannel, CameraTopic, "protobuf"));
        writer.AddChannel(new McapChannel(AnnotationsChannel, AnnotationsChannel, AnnotationsTopic, "protobuf"));
        var frameId = scenario.Clip.Camera.Trim('/').Replace('/', '_');
        var scored = result.ScoredFrames;
        var ordinal = 0;
        foreach (var batch in clip.ReadFrames().Chunk(EncodeBatch))
        {
            // Encoding is most of the clip's time and each frame's JPEG depends on that frame alone: a batch is encoded
            // on every core, then written in order, so the file is the one a frame-by-frame encoding writes.
            var jpegs = new byte[batch.Length][];
            Concurrently.Run([.. batch.Select((frame, i) => (Action)(() => jpegs[i] = ImageEncoder.EncodeJpeg(frame.Image, ReviewJpegQuality)))]);
            for (var i = 0; i < batch.Length; i++)
            {
                var frame = batch[i];
                if (ordinal >= scored.Count || scored[ordinal].Index != frame.Index || scored[ordinal].TimestampNs != frame.TimestampNs)
                {
                    throw ReviewClips.Mismatch(scenario.Clip.Source, $"frame {ordinal} is index {frame.Index} at {frame.TimestampNs} ns, which the run did not score there");
                }

                var time = checked((ulong)frame.TimestampNs);
                var sequence = (uint)ordinal;
                var image = new CompressedImageMessage(frame.TimestampNs, frameId, "jpeg", jpegs[i]);
                writer.WriteMessage(CameraChannel, time, time, sequence, image.Encode());
                var before = baseline is not null && ordinal < baseline.Count ? baseline[ordinal] : null;
                writer.WriteMessage(AnnotationsChannel, time, time, sequence, ReviewAnnotations.For(scored[ordinal], before, scenario.Classes.EvaluationClasses).Encode());
                ordinal++;
            }
        }

        if (ordinal != scored.Count)
        {
            throw ReviewClips.Mismatch(scenario.Clip.Source, $"it yields {ordinal} frames, the run scored {scored.Count}");
        }
    }
}
