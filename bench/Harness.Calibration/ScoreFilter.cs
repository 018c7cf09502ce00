using Harness.Metrics;

namespace Harness.Calibration;

/// <summary>
/// A run at a higher score threshold from one at a lower threshold: the same detections, those not above the new
/// threshold dropped (the postprocessor keeps a box only when its score is strictly greater). Exact because NMS keeps or
/// suppresses a box only for boxes of higher score, which the higher threshold keeps as well.
/// </summary>
internal static class ScoreFilter
{
    public static IReadOnlyList<ScoredFrame> Above(IReadOnlyList<ScoredFrame> frames, float threshold) =>
        [.. frames.Select(f => f with { Detections = [.. f.Detections.Where(d => d.Score > threshold)] })];
}
