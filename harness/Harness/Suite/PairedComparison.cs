using Harness.Gate;
using Harness.Metrics;
using Harness.Metrics.Bootstrap;
using Harness.Scenarios;

namespace Harness.Suite;

/// <summary>
/// The gate's verdict on two sets of detections of the same frames, with nothing read from or written to
/// <c>baselines/</c>: each side scored as a replay scores it, the baseline side snapshotted as an accepted baseline
/// would be, then judged with the scenario's gates exactly as <c>harness run</c> judges a run. Studies of the gate's
/// error rates run their thousands of comparisons through it, so what they measure is what the gate does.
/// </summary>
internal static class PairedComparison
{
    /// <param name="baseline">The baseline's frames: truth, timestamps and detections, in clip order.</param>
    /// <param name="current">The same frames (same indices, timestamps and truth) with the detections being judged.</param>
    /// <param name="samePipeline">Whether the two come from the same clip, model and settings, where detections must agree.</param>
    /// <returns>The verdict, and the evidence it was judged on (every metric's interval, the flips).</returns>
    public static (ScenarioVerdict Verdict, GateEvidence Evidence) Judge(Scenario scenario, GateDefaults defaults, GatePolicy policy,
        IReadOnlyList<ScoredFrame> baseline, IReadOnlyList<ScoredFrame> current, bool samePipeline)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var classes = scenario.Model.Classes.EvaluationClasses;
        var subject = GateSubject.Of(scenario);
        var before = GateEvaluator.CandidateBaseline(subject, Score(scenario.Id, classes, baseline, scenario.Streaming));
        var after = Score(scenario.Id, classes, current, scenario.Streaming);
        var evidence = GateEvidenceBuilder.Build(after, before, [.. baseline.Select(f => f.Detections)], samePipeline, [], classes, scenario.Postprocess, defaults,
            scenario.Streaming);
        return (GateEvaluator.Evaluate(subject, GateEvaluator.CandidateBaseline(subject, after), before, evidence, defaults, policy), evidence);
    }

    /// <summary>One side's metrics over its frames, as a replay's metric stage computes them.</summary>
    /// <param name="streaming">The scenario's streaming target; null when it declares none.</param>
    public static ScenarioResult Score(string scenarioId, IReadOnlyList<string> classes, IReadOnlyList<ScoredFrame> frames, StreamingProfile? streaming = null)
    {
        var metrics = new MetricsAccumulator(new MetricsOptions(classes, Streaming: streaming));
        using var digest = new DetectionDigest();
        foreach (var frame in frames)
        {
            metrics.Add(frame.TimestampNs, frame.Truth, frame.Detections);
            digest.AppendFrame(frame.Index, frame.Detections);
        }

        return metrics.Complete(scenarioId, "paired", "paired", digest.Complete()) with
        {
            ScoredFrames = frames,
            Supports = MetricSupports.Of(classes, frames, streaming),
        };
    }
}
