using System.Globalization;

namespace Harness.Benchmarks.Equivalence;

/// <summary>
/// A detection one run reported and the other did not, with what could have decided it: how far its score is above
/// the score threshold, the IoU nearest the NMS threshold it has with a higher-scoring box of its class (in either
/// run), and its largest IoU with a box of its class in the run that lacks it (a near tie that won NMS there instead).
/// </summary>
internal sealed record DriftFlip(int Frame, string Kind, Detection Detection, double ScoreGap, double NearestIou, double OtherOverlap, double OtherScore)
{
    /// <param name="own">The run that reported <paramref name="d"/>.</param>
    /// <param name="other">The run that did not.</param>
    public static DriftFlip Of(int frame, string kind, Detection d, IReadOnlyList<Detection> own, IReadOnlyList<Detection> other, double scoreThreshold, double iouThreshold)
    {
        var nearest = double.NaN;
        foreach (var e in own.Where(e => e != d).Concat(other))
        {
            if (e.ClassId == d.ClassId && e.Score > d.Score && (double.IsNaN(nearest) || Math.Abs(Iou(d, e) - iouThreshold) < Math.Abs(nearest - iouThreshold)))
            {
                nearest = Iou(d, e);
            }
        }

        double overlap = 0, overlapScore = double.NaN;
        foreach (var e in other.Where(e => e.ClassId == d.ClassId))
        {
            if (Iou(d, e) > overlap)
            {
                overlap = Iou(d, e);
                overlapScore = e.Score;
            }
        }

        return new DriftFlip(frame, kind, d, d.Score - scoreThreshold, nearest, overlap, overlapScore);
    }

    public string Describe()
    {
        var nearest = double.IsNaN(NearestIou) ? "none" : NearestIou.ToString("0.######", CultureInfo.InvariantCulture);
        var otherScore = double.IsNaN(OtherScore) ? "" : string.Create(CultureInfo.InvariantCulture, $" (score {OtherScore:0.######})");
        var d = Detection;
        return string.Create(CultureInfo.InvariantCulture,
            $"frame {Frame} {Kind}: class {d.ClassId} score {d.Score:0.######} ({ScoreGap:+0.######;-0.######} from the score threshold), " +
            $"box ({d.X1:0.##}, {d.Y1:0.##}, {d.X2:0.##}, {d.Y2:0.##}); IoU nearest the NMS threshold with a higher-scoring box: {nearest}; " +
            $"largest IoU with its class in the other run: {OtherOverlap:0.######}{otherScore}");
    }

    /// <summary>In float, as NMS computes it.</summary>
    private static double Iou(in Detection a, in Detection b) =>
        BoxOverlap.Iou(a.X1, a.Y1, a.X2, a.Y2, a.Width * a.Height, b.X1, b.Y1, b.X2, b.Y2, b.Width * b.Height);
}
