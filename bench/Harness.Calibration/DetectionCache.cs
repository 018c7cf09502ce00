using System.Security.Cryptography;
using System.Text;
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
/// (<see cref="ScenarioRunner"/>) and kept on disk, so the study re-infers only what changed. The key also holds a
/// fingerprint of the pipeline itself: the digest of the scenario's model on the first frames of a probe clip, replayed
/// when the study starts, so a code change that moves any detection (preprocessing, decoding, NMS) misses the cache
/// and one that moves none (the gate's statistics) keeps it. <paramref name="trusted"/> leaves the fingerprint out:
/// detections cached by any build are reused, for re-analysing them with other statistics only.
/// </summary>
internal sealed class DetectionCache(string directory, bool trusted, TextWriter log)
{
    private const int ProbeFrames = 12;

    private readonly Dictionary<string, string> _fingerprints = [];

    public IReadOnlyList<ScoredFrame> Get(Scenario scenario, StudyClip clip, ModelVariant variant)
    {
        var model = variant.Build(scenario.Model);
        var replayed = Variant(scenario, clip, variant, model);
        var key = Key(clip, replayed, trusted ? "" : Fingerprint(scenario));
        var detectionsPath = Path.Combine(directory, key + ".detections.bin");
        var truthPath = Path.Combine(directory, key + ".truth.bin");
        if (File.Exists(detectionsPath) && File.Exists(truthPath))
        {
            return ScoredFrameFiles.Join(TruthSnapshotFormat.Read(truthPath), DetectionSnapshotFormat.Read(detectionsPath), truthPath);
        }

        var started = DateTime.UtcNow;
        var result = Replay(replayed, clip.Options, model, variant.Name, new Progress(log, $"{clip.Name} {variant.Name}"));
        var capped = result.ScoredFrames.FirstOrDefault(f => f.Detections.Count >= replayed.Postprocess.MaxDetections);
        if (capped is not null)
        {
            throw new InvalidOperationException(
                $"{clip.Name} {variant.Name}: frame {capped.Index} reached the detection cap ({replayed.Postprocess.MaxDetections}): a higher threshold is not a filter of these detections");
        }

        Directory.CreateDirectory(directory);
        TruthSnapshotFormat.Write(truthPath, ScoredFrameFiles.Truth(result.ScoredFrames));
        DetectionSnapshotFormat.Write(detectionsPath, ScoredFrameFiles.Detections(result.ScoredFrames));
        log.WriteLine($"{clip.Name} {variant.Name}: {result.Frames} frames in {(DateTime.UtcNow - started).TotalSeconds:0} s");
        return result.ScoredFrames;
    }

    /// <summary>The digest of the scenario's own model and settings on the first frames of seed 1 of its scene.</summary>
    private string Fingerprint(Scenario scenario)
    {
        lock (_fingerprints)
        {
            if (!_fingerprints.TryGetValue(scenario.Id, out var fingerprint))
            {
                var probe = SyntheticSceneOptions.Parse(scenario.Clip.Source) with { Seed = 1, Frames = ProbeFrames };
                var model = ModelVariant.AtOwnThreshold.Build(scenario.Model);
                var replayed = Variant(scenario, new StudyClip(probe, IsLong: false), ModelVariant.AtOwnThreshold, model);
                fingerprint = Replay(replayed, probe, model, "probe", progress: null).DetectionsSha256;
                _fingerprints[scenario.Id] = fingerprint;
            }

            return fingerprint;
        }
    }

    private static ScenarioResult Replay(Scenario replayed, SyntheticSceneOptions clip, byte[] model, string name, IProgress<FrameProgress>? progress)
    {
        using var reader = new SyntheticClipReader(clip);
        using var detector = OnnxDetector.Load(model, name, ScenarioRunner.ContractFor(replayed), ScenarioRunner.DetectorOptionsFor(replayed.Model.Session));
        return ScenarioRunner.Run(replayed, reader, detector, new ReplayOptions { Progress = progress });
    }

    private static Scenario Variant(Scenario scenario, StudyClip clip, ModelVariant variant, byte[] model) => scenario with
    {
        Clip = scenario.Clip with { Source = clip.Source, Sha256 = "synthetic" },
        Model = scenario.Model with { Source = variant.Name, Sha256 = ModelVariant.Sha256(model) },
        Postprocess = scenario.Postprocess with { ScoreThreshold = variant.ScoreThreshold ?? scenario.Postprocess.ScoreThreshold },
    };

    private static string Key(StudyClip clip, Scenario replayed, string fingerprint)
    {
        var text = string.Join('\n', clip.Source, replayed.Model.Sha256, ScenarioSettings.Sha256(replayed), fingerprint);
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
