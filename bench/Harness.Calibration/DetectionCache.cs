using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Harness.Clips.Synthetic;
using Harness.Gate;
using Harness.Inference;
using Harness.Metrics;
using Harness.Results;
using Harness.Running;
using Harness.Scenarios;

namespace Harness.Calibration;

/// <summary>
/// Every frame's truth and detections of one (clip, model, settings), replayed once through the gate's own pipeline
/// (<see cref="ScenarioRunner"/>) and kept on disk, so the study re-infers only what changed. The key also holds the
/// identity of the library build unless told otherwise, since a code change can move every detection.
/// </summary>
internal sealed class DetectionCache(string directory, bool anyBuild, TextWriter log)
{
    private static readonly string BuildIdentity = typeof(ScenarioRunner).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    public IReadOnlyList<ScoredFrame> Get(Scenario scenario, StudyClip clip, ModelVariant variant)
    {
        var model = variant.Build(scenario.Model);
        var replayed = Variant(scenario, clip, variant, model);
        var key = Key(clip, replayed);
        var detectionsPath = Path.Combine(directory, key + ".detections.bin");
        var framesPath = Path.Combine(directory, key + ".frames.json");
        if (File.Exists(detectionsPath) && File.Exists(framesPath))
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(framesPath));
            return FramesJson.Join(document.RootElement, DetectionSnapshotFormat.Read(detectionsPath), framesPath);
        }

        var started = DateTime.UtcNow;
        using var reader = new SyntheticClipReader(clip.Options);
        using var detector = OnnxDetector.Load(model, variant.Name, ScenarioRunner.ContractFor(replayed), ScenarioRunner.DetectorOptionsFor(replayed.Model.Session));
        var result = ScenarioRunner.Run(replayed, reader, detector, new Progress(log, $"{clip.Name} {variant.Name}"));
        var capped = result.ScoredFrames.FirstOrDefault(f => f.Detections.Count >= replayed.Postprocess.MaxDetections);
        if (capped is not null)
        {
            throw new InvalidOperationException(
                $"{clip.Name} {variant.Name}: frame {capped.Index} reached the detection cap ({replayed.Postprocess.MaxDetections}): a higher threshold is not a filter of these detections");
        }

        Directory.CreateDirectory(directory);
        File.WriteAllBytes(framesPath, FramesJson.Write(result.ScoredFrames));
        DetectionSnapshotFormat.Write(detectionsPath, new DetectionSnapshot([.. result.ScoredFrames.Select(f => new SnapshotFrame(f.Index, f.Detections))]));
        log.WriteLine($"{clip.Name} {variant.Name}: {result.Frames} frames in {(DateTime.UtcNow - started).TotalSeconds:0} s");
        return result.ScoredFrames;
    }

    private static Scenario Variant(Scenario scenario, StudyClip clip, ModelVariant variant, byte[] model) => scenario with
    {
        Clip = scenario.Clip with { Source = clip.Source, Sha256 = "synthetic" },
        Model = scenario.Model with { Source = variant.Name, Sha256 = ModelVariant.Sha256(model) },
        Postprocess = scenario.Postprocess with { ScoreThreshold = variant.ScoreThreshold ?? scenario.Postprocess.ScoreThreshold },
    };

    private string Key(StudyClip clip, Scenario replayed)
    {
        var text = string.Join('\n', clip.Source, replayed.Model.Sha256, ScenarioSettings.Sha256(replayed), anyBuild ? "" : BuildIdentity);
        return $"{clip.Name}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16]}";
    }

    private sealed class Progress(TextWriter log, string name) : IProgress<FrameProgress>
    {
        public void Report(FrameProgress value)
        {
            if (value.FramesDone % 1000 == 0)
            {
                log.WriteLine($"{name}: {value.FramesDone} frames");
            }
        }
    }
}
