using Harness.Metrics;

namespace Harness.Gate;

/// <summary>
/// The reviewed state of one scenario, as stored in <c>baselines/&lt;id&gt;.verified.json</c> and, for the
/// detections, <c>baselines/&lt;id&gt;.detections.verified.bin</c> beside it.
/// </summary>
internal sealed record BaselineSnapshot(
    string ScenarioId,
    string ClipSha256,
    string ModelSha256,
    string DetectionsSha256,
    int Frames,
    IReadOnlyDictionary<string, double> Metrics)
{
    /// <summary>Every frame's detections; null for baselines written before they were kept, which compare on metrics only.</summary>
    public DetectionSnapshot? Detections { get; init; }

    /// <summary>What the baseline's numbers were computed with; null in baselines written before it was recorded.</summary>
    public NumericProvenance? Provenance { get; init; }

    /// <summary>SHA-256 of the scenario settings that can change the detections; null in baselines written before it was recorded.</summary>
    public string? SettingsSha256 { get; init; }

    /// <summary>How many truth objects (frames for <c>fp_per_frame</c>) each metric is computed over; empty in baselines written before they were recorded.</summary>
    public IReadOnlyDictionary<string, long> Supports { get; init; } = new Dictionary<string, long>();

    /// <summary>
    /// Why the verified detection snapshot could not be used (missing, or not the detections the JSON's digest names),
    /// when it could not: a failure under CI, a warning elsewhere.
    /// </summary>
    public string? DetectionsProblem { get; init; }

    /// <summary>
    /// Everything but timing metrics, whose run-to-run noise must not count as a behaviour change, and provenance,
    /// which explains a change rather than being one.
    /// </summary>
    public bool SameBehaviourAs(BaselineSnapshot other) =>
        ScenarioId == other.ScenarioId &&
        ClipSha256 == other.ClipSha256 &&
        ModelSha256 == other.ModelSha256 &&
        DetectionsSha256 == other.DetectionsSha256 &&
        SettingsSha256 == other.SettingsSha256 &&
        Frames == other.Frames &&
        DeterministicMetrics(Metrics).SequenceEqual(DeterministicMetrics(other.Metrics));

    private static IEnumerable<KeyValuePair<string, double>> DeterministicMetrics(IReadOnlyDictionary<string, double> metrics) =>
        metrics.Where(m => !MetricNames.IsTiming(m.Key)).OrderBy(m => m.Key, StringComparer.Ordinal);
}
