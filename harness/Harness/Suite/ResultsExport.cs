using Harness.Export;
using Harness.Results;
using Harness.Running;

namespace Harness.Suite;

/// <summary>What <c>harness export</c> wrote for one scenario, or why it could not.</summary>
internal sealed record ScenarioExport(string ScenarioId, IReadOnlyList<string> Files, string? Error);

/// <summary>
/// <c>harness export</c>: a results folder's detections (or its baselines') in a format other tools read. The clip is
/// read again only for its own frame and category ids (<see cref="ClipSource.IndexOf"/>), and only when it is the clip
/// the run replayed. One scenario's output is <c>--out</c> itself (a file, or a folder for KITTI);
/// several go into <c>--out</c> as a folder, each under its format's default name. A scenario that
/// cannot be exported is reported and the others still are.
/// </summary>
internal static class ResultsExport
{
    /// <exception cref="ResultsFormatException">The results folder cannot be read.</exception>
    /// <exception cref="ExportException">A scenario asked for is not in the results.</exception>
    public static IReadOnlyList<ScenarioExport> Run(string resultsDirectory, IExportFormat format, IReadOnlyList<string> ids, string? output, bool baseline)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(ids);
        var manifest = ResultsFolder.ReadManifest(resultsDirectory);
        var missing = ids.Except(manifest.Scenarios, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new ExportException($"{resultsDirectory}: holds no results of {string.Join(", ", missing)} (it has {string.Join(", ", manifest.Scenarios)})");
        }

        var bundles = ResultsFolder.ReadBundles(resultsDirectory, manifest).Where(b => ids.Count == 0 || ids.Contains(b.ScenarioId, StringComparer.Ordinal)).ToList();
        var exports = new List<ScenarioExport>(bundles.Count);
        foreach (var bundle in bundles)
        {
            var target = bundles.Count == 1 && output is not null ? output : Path.Combine(output ?? "", format.DefaultOutput(bundle.ScenarioId));
            try
            {
                var index = bundle is { Scenario: { } facts, Result: { } result } ? ClipSource.IndexOf(facts.Clip, result.ClipSha256) : null;
                exports.Add(new ScenarioExport(bundle.ScenarioId, format.Write(DetectionExport.Of(bundle, baseline, index), target), null));
            }
            catch (HarnessInputException e)
            {
                exports.Add(new ScenarioExport(bundle.ScenarioId, [], e.Message));
            }
        }

        return exports;
    }
}
