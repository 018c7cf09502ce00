namespace Harness.Metrics;

/// <summary>
/// One replayed frame as the metrics saw it: its position in the clip, its timestamp, its truth in model class ids and
/// the detections at the operating point. Results keep every frame's, so a run can be re-scored on any resample of its
/// frames and compared object by object with its baseline.
/// </summary>
public sealed record ScoredFrame(long Index, long TimestampNs, IReadOnlyList<TruthBox> Truth, IReadOnlyList<Detection> Detections);
