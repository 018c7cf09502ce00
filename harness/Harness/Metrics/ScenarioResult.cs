using Harness.Metrics.Coco;

namespace Harness.Metrics;

/// <summary>
/// What one replay measured: every metric by name (ordinal key order, see <see cref="MetricNames"/>), the COCO
/// precision-recall curves, every frame's truth and detections, plus the identities of what was replayed (clip and
/// model content hashes) and a digest of every detection, so a behaviour change shows even when metrics do not move.
/// </summary>
public sealed record ScenarioResult(
    string ScenarioId,
    IReadOnlyDictionary<string, double> Metrics,
    string ClipSha256,
    string ModelSha256,
    string DetectionsSha256,
    int Frames)
{
    /// <summary>COCO precision-recall curves at IoU 0.50 per class, for reports.</summary>
    internal IReadOnlyDictionary<string, CocoPrecisionCurve> PrecisionCurves { get; init; } = new Dictionary<string, CocoPrecisionCurve>();

    /// <summary>Every frame's truth and detections, in clip order, for re-scoring on resamples and object-level comparison.</summary>
    public IReadOnlyList<ScoredFrame> ScoredFrames { get; init; } = [];

    /// <summary>What the numbers were computed with (runtime, threads, CPU, vector width); null when not recorded.</summary>
    public NumericProvenance? Provenance { get; init; }

    /// <summary>SHA-256 of the scenario settings that can change the detections; null when not recorded.</summary>
    public string? SettingsSha256 { get; init; }

    /// <summary>How many truth objects (frames for <c>fp_per_frame</c>) each non-timing metric is computed over; empty when not computed.</summary>
    public IReadOnlyDictionary<string, long> Supports { get; init; } = new Dictionary<string, long>();

    /// <summary>Truth boxes the clip's reader left out of the metrics (<c>model.evaluate: mapped</c>), counted by label; not kept in result bundles.</summary>
    public IReadOnlyDictionary<string, long> LeftOutLabels { get; init; } = new Dictionary<string, long>();

    /// <summary>The frames with the most false positives and misses at IoU 0.5, most first, for report thumbnails.</summary>
    internal IReadOnlyList<ReviewFrame> ReviewFrames { get; init; } = [];

    /// <summary>The tracks with the most flickers and class switches, worst first, with crops around their worst burst; empty without track ids or events.</summary>
    internal IReadOnlyList<TrackStrip> TrackStrips { get; init; } = [];
}
