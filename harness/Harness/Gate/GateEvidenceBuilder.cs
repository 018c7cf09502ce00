using Harness.Metrics;
using Harness.Metrics.Bootstrap;
using Harness.Metrics.Flips;
using Harness.Scenarios;

namespace Harness.Gate;

/// <summary>
/// Pairs a run with its baseline frame by frame: the paired bootstrap intervals, the object flips, and, when clip,
/// model and settings are the baseline's, whether the detections are too. Frames pair only when both runs replayed
/// the same clip; otherwise the gate compares point values and says why.
/// </summary>
internal static class GateEvidenceBuilder
{
    public static GateEvidence Build(
        ScenarioResult result,
        BaselineSnapshot baseline,
        IReadOnlyList<IReadOnlyList<Detection>>? baselineDetections,
        bool sameInputs,
        IReadOnlyList<string> platformDifferences,
        IReadOnlyList<string> classNames,
        PostprocessSpec postprocess,
        GateDefaults defaults,
        StreamingProfile? streaming = null)
    {
        var platform = platformDifferences.Count == 0 ? [] : new[] { "platform differs from the baseline's: " + string.Join("; ", platformDifferences) };
        if (baselineDetections is null)
        {
            return GateEvidence.PointValuesOnly([
                "the baseline has no detection snapshot: metrics are compared on point values, without intervals or flips (accept a new baseline to record one)",
                .. platform]);
        }

        if (baseline.ClipSha256 != result.ClipSha256 || baselineDetections.Count != result.ScoredFrames.Count)
        {
            return GateEvidence.PointValuesOnly([
                $"the clip differs from the baseline's ({baselineDetections.Count} frames then, {result.ScoredFrames.Count} now): frames cannot be paired, so metrics are compared on point values",
                .. platform]);
        }

        var frames = result.ScoredFrames;
        var current = frames.Select(f => f.Detections).ToList();
        var statistics = defaults.Statistics;
        var options = new BootstrapOptions(statistics.Resamples, statistics.Seed, statistics.BlockSeconds, statistics.Confidence, statistics.Units);
        var timestamps = frames.Select(f => f.TimestampNs).ToList();
        var notes = new List<string>();
        var truth = frames.Select(f => f.Truth).ToList();
        var units = PairedBootstrap.Units(classNames, truth, timestamps, [baselineDetections, current], options);
        IReadOnlyDictionary<string, ChangeInterval> intervals;
        if (PairedBootstrap.CanEstimate(units))
        {
            intervals = PairedBootstrap.Run(classNames, truth, timestamps, units, baselineDetections, current, options, vectorized: true, streaming);
            notes.Add("intervals resample " + units.Describe());
        }
        else
        {
            // The full-sample values and supports still serve the edit check and the support rule; only the spread is missing.
            intervals = PairedBootstrap.Run(classNames, truth, timestamps, units, baselineDetections, current, options with { Resamples = 0 }, vectorized: true, streaming)
                .ToDictionary(pair => pair.Key, pair => pair.Value with { HasSpread = false }, StringComparer.Ordinal);
            notes.Add($"the clip has too few independent units for intervals ({units.Tracks} tracks and {units.Frames / Math.Max(1, units.BlockLength)} blocks of " +
                $"{units.BlockLength} frames, fewer than {PairedBootstrap.MinimumUnits}): metrics are compared on point values");
        }

        var flips = ObjectFlips.Compare(classNames, frames, baselineDetections);
        var agreement = PipelineAgreement.NotApplicable;
        if (sameInputs)
        {
            (agreement, var detail) = DetectionAgreement.Compare(baselineDetections, current, defaults.Equivalence, postprocess);
            if (agreement == PipelineAgreement.Changed)
            {
                notes.Add($"same clip, model and settings as the baseline, but the detections changed ({detail}): {flips.Describe()}");
            }
            else if (agreement == PipelineAgreement.Equivalent)
            {
                notes.Add("equivalent to the baseline: " + detail);
            }
        }

        notes.AddRange(platform);
        return new GateEvidence(intervals, flips, agreement, notes);
    }
}
