using System.Text;
using Harness.Gate;
using Harness.IO;
using Harness.Metrics;
using Harness.Results;
using Harness.Running;
using Harness.Scenarios;

namespace Harness.Suite;

/// <summary>
/// Replays kept for <c>harness compare</c>, so comparing again re-infers only what changed. A replay is found by the
/// SHA-256 of everything its result depends on: the clip's and the model's content, the settings that can change
/// detections (<see cref="ScenarioSettings"/>), the scenario id, the build of the harness (its module version id, which
/// a deterministic build derives from the code), what it would run on (ONNX Runtime build, CPU, vector width:
/// <see cref="NumericProvenance"/>) and what its review frames were ranked against. It is kept as a result bundle under <c>&lt;cache&gt;/replays/&lt;key&gt;/</c>, which holds the whole
/// result bit for bit; an entry that cannot be read is replayed again. The gate itself never reads this cache: a
/// verdict of <c>harness run</c> always comes from a replay.
/// </summary>
internal sealed class ReplayCache(string cacheDirectory)
{
    private const string Version = "replay-cache 1";

    /// <param name="reviewKey">What <see cref="ReplayOptions.ReviewBaseline"/> holds (the reference's detection digest), or empty without one.</param>
    /// <returns>The result, and whether it was read from the cache rather than replayed.</returns>
    public (ScenarioResult Result, bool Cached) Replay(Scenario scenario, ReplayOptions options, string reviewKey)
    {
        var folder = Path.Combine(cacheDirectory, "replays", Key(scenario, reviewKey));
        var bundle = Path.Combine(folder, ResultBundleFiles.FolderName(scenario.Id));
        if (File.Exists(Path.Combine(bundle, ResultBundleFiles.Bundle)))
        {
            try
            {
                if (ResultBundleReader.Read(bundle).Result is { } kept)
                {
                    return (kept, true);
                }
            }
            catch (ResultsFormatException)
            {
                // A cache entry is only ever a shortcut: one written by an interrupted run is replayed and rewritten.
            }
        }

        var result = ScenarioRunner.Run(scenario, cacheDirectory, options);
        ResultBundleWriter.Write(folder, new ResultBundle(ScenarioFacts.Of(scenario), NotJudged(scenario.Id), result) { BaselineDetections = options.ReviewBaseline });
        return (result, false);
    }

    private string Key(Scenario scenario, string reviewKey)
    {
        var clip = ClipSource.Resolve(scenario.Clip, cacheDirectory).Verify(scenario.Clip);
        var model = ModelSource.Resolve(scenario.Model, cacheDirectory).Sha256;
        var text = string.Join('\n',
            Version,
            typeof(ScenarioRunner).Assembly.ManifestModule.ModuleVersionId.ToString("N"),
            ProvenanceProbe.Current(scenario.Model.Session).ToString(),
            scenario.Id,
            clip,
            model,
            ScenarioSettings.Sha256(scenario),
            reviewKey);
        return ContentHash.Of(Encoding.UTF8.GetBytes(text));
    }

    private static ScenarioVerdict NotJudged(string scenarioId) =>
        new(scenarioId, [], ["a replay kept by harness compare; not judged"], BaselineMissing: true, IsCi: false);
}
