using Harness.Clips;
using Harness.Postprocessing;

namespace Harness.Metrics;

/// <summary>Overlap between detections (corners) and truth boxes (top-left + size), in double precision.</summary>
internal static class PixelOverlap
{
    public static double Iou(in Detection detection, TruthBox truth)
    {
        var intersection = Intersection(detection, truth);
        if (intersection <= 0)
        {
            return 0;
        }

        var union = DetectionArea(detection) + ((double)truth.Width * truth.Height) - intersection;
        return intersection / union;
    }

    /// <summary>IoU of two detections: how the object flips pair a baseline run's false positives with the current run's.</summary>
    public static double Iou(in Detection a, in Detection b)
    {
        var w = Math.Min((double)a.X2, b.X2) - Math.Max((double)a.X1, b.X1);
        var h = Math.Min((double)a.Y2, b.Y2) - Math.Max((double)a.Y1, b.Y1);
        if (w <= 0 || h <= 0)
        {
            return 0;
        }

        var intersection = w * h;
        return intersection / (DetectionArea(a) + DetectionArea(b) - intersection);
    }

    /// <summary>Share of the detection inside <paramref name="region"/>: COCO's crowd overlap.</summary>
    public static double CoveredFraction(in Detection detection, TruthBox region)
    {
        var intersection = Intersection(detection, region);
        return intersection <= 0 ? 0 : intersection / DetectionArea(detection);
    }

    private static double DetectionArea(in Detection detection) =>
        ((double)detection.X2 - detection.X1) * ((double)detection.Y2 - detection.Y1);

    private static double Intersection(in Detection detection, TruthBox truth)
    {
        var w = Math.Min(detection.X2, (double)truth.X + truth.Width) - Math.Max(detection.X1, truth.X);
        var h = Math.Min(detection.Y2, (double)truth.Y + truth.Height) - Math.Max(detection.Y1, truth.Y);
        return w <= 0 || h <= 0 ? 0 : w * h;
    }
}
