namespace Harness.Metrics;

/// <summary>
/// Overlap between detections (corners) and truth boxes (top-left + size), in double precision: the corners and areas
/// <see cref="BoxOverlap.Iou{T}"/> takes.
/// </summary>
internal static class PixelOverlap
{
    public static double Iou(in Detection detection, TruthBox truth) =>
        BoxOverlap.Iou(detection.X1, detection.Y1, detection.X2, detection.Y2, DetectionArea(detection),
            truth.X, truth.Y, (double)truth.X + truth.Width, (double)truth.Y + truth.Height, (double)truth.Width * truth.Height);

    /// <summary>IoU of two detections: how the object flips pair a baseline run's false positives with the current run's.</summary>
    public static double Iou(in Detection a, in Detection b) =>
        BoxOverlap.Iou(a.X1, a.Y1, a.X2, a.Y2, DetectionArea(a), b.X1, b.Y1, b.X2, b.Y2, DetectionArea(b));

    /// <summary>Share of the detection inside <paramref name="region"/>: COCO's crowd overlap.</summary>
    public static double CoveredFraction(in Detection detection, TruthBox region) =>
        BoxOverlap.Iou(detection.X1, detection.Y1, detection.X2, detection.Y2, DetectionArea(detection),
            region.X, region.Y, (double)region.X + region.Width, (double)region.Y + region.Height, (double)region.Width * region.Height, bIsCrowd: true);

    private static double DetectionArea(in Detection detection) =>
        ((double)detection.X2 - detection.X1) * ((double)detection.Y2 - detection.Y1);
}
