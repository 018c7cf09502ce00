using Harness.Metrics;
using Harness.Running;

namespace Harness.Gate;

/// <summary>The reviewed state of one scenario, as stored in <c>baselines/&lt;id&gt;.verified.json</c>.</summary>
public sealed record BaselineSnapshot(
    string ScenarioId,
    string ClipSha256,
    string ModelSha256,
    string DetectionsSha256,
    int Frames,
    IReadOnlyDictionary<string, double> Metrics)
{
    /// <summary>Per-frame detection digests; empty in baselines written before they were recorded.</summary>
    public IReadOnlyList<FrameDigest> FrameDigests { get; init; } = [];

    /// <summary>Everything but timing metrics, whose run-to-run noise must not count as a behaviour change.</summary>
    public bool SameBehaviourAs(BaselineSnapshot other) =>
        ScenarioId == other.ScenarioId &&
        ClipSha256 == other.ClipSha256 &&
        ModelSha256 == other.ModelSha256 &&
        DetectionsSha256 == other.DetectionsSha256 &&
        Frames == other.Frames &&
        DeterministicMetrics(Metrics).SequenceEqual(DeterministicMetrics(other.Metrics));

    private static IEnumerable<KeyValuePair<string, double>> DeterministicMetrics(IReadOnlyDictionary<string, double> metrics) =>
        metrics.Where(m => !MetricNames.IsTiming(m.Key)).OrderBy(m => m.Key, StringComparer.Ordinal);
}
