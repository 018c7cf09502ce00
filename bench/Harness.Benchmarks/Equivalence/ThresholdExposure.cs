using System.Globalization;
using Harness.Gate;

namespace Harness.Benchmarks.Equivalence;

/// <summary>
/// How exposed one run's detections are to the two decisions floating-point order can flip (bench/equivalence-drift.sh):
/// how many scores lie within a score tolerance of the score threshold, how many pairs of same-class detections have
/// an IoU within an IoU tolerance of the NMS threshold, and how far moving every box corner by a box tolerance can move
/// the IoU of a pair near that threshold: the IoU tolerance a box tolerance implies.
/// </summary>
internal static class ThresholdExposure
{
    /// <summary>Pairs whose IoU is at most this far below the NMS threshold count as near it for the implied IoU change.</summary>
    private const double NearIou = 0.05;

    /// <summary>
    /// <c>threshold-exposure SCORE_THRESHOLD IOU_THRESHOLD BOX_PX SCORE_TOLERANCE IOU_TOLERANCE DETECTIONS.bin [LABEL]</c>;
    /// prints one line.
    /// </summary>
    public static int Run(string[] args)
    {
        var numbers = args.Take(5).Select(a => double.TryParse(a, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToArray();
        if (args.Length is < 6 or > 7 || numbers.Any(double.IsNaN))
        {
            Console.Error.WriteLine("usage: threshold-exposure SCORE_THRESHOLD IOU_THRESHOLD BOX_PX SCORE_TOLERANCE IOU_TOLERANCE DETECTIONS.bin [LABEL]");
            return 2;
        }

        var (scoreThreshold, iouThreshold, boxPixels, scoreTolerance, iouTolerance) = (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4]);
        var frames = DetectionSnapshotFormat.Read(args[5]).Frames;
        int detections = 0, nearScore = 0, pairs = 0, nearIou = 0, nearPairs = 0;
        double closestScore = double.MaxValue, closestIou = double.MaxValue, impliedIou = 0;
        foreach (var frame in frames)
        {
            var d = frame.Detections;
            detections += d.Count;
            for (var i = 0; i < d.Count; i++)
            {
                var gap = Math.Abs(d[i].Score - scoreThreshold);
                closestScore = Math.Min(closestScore, gap);
                nearScore += gap <= scoreTolerance ? 1 : 0;
                for (var j = i + 1; j < d.Count; j++)
                {
                    var iou = Iou(d[i], d[j]);
                    if (d[i].ClassId != d[j].ClassId || iou <= 0)
                    {
                        continue;
                    }

                    pairs++;
                    closestIou = Math.Min(closestIou, Math.Abs(iou - iouThreshold));
                    nearIou += Math.Abs(iou - iouThreshold) <= iouTolerance ? 1 : 0;
                    if (Math.Abs(iou - iouThreshold) <= NearIou)
                    {
                        nearPairs++;
                        impliedIou = Math.Max(impliedIou, IouChange(d[i], d[j], boxPixels));
                    }
                }
            }
        }

        var label = args.Length == 7 ? args[6] : args[5];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {detections} detections, {nearScore} within {scoreTolerance:G3} of the score threshold (closest {closestScore:G3}); " +
            $"{pairs} overlapping same-class pairs, {nearIou} within {iouTolerance:G3} of the IoU threshold (closest {closestIou:G3}); " +
            $"corners moved by {boxPixels:G3} px move the IoU of the {nearPairs} pairs within {NearIou} of it by up to {impliedIou:G3}"));
        return 0;
    }

    /// <summary>First-order bound on how far the IoU moves when each of the eight corner coordinates moves by up to <paramref name="delta"/>.</summary>
    private static double IouChange(Detection a, Detection b, double delta)
    {
        double[] c = [a.X1, a.Y1, a.X2, a.Y2, b.X1, b.Y1, b.X2, b.Y2];
        const double Step = 1e-4;
        var change = 0.0;
        for (var k = 0; k < c.Length; k++)
        {
            var up = (double[])c.Clone();
            var down = (double[])c.Clone();
            up[k] += Step;
            down[k] -= Step;
            change += Math.Abs(Iou(up) - Iou(down)) / (2 * Step) * delta;
        }

        return change;
    }

    private static double Iou(in Detection a, in Detection b) => Iou([a.X1, a.Y1, a.X2, a.Y2, b.X1, b.Y1, b.X2, b.Y2]);

    private static double Iou(double[] c) =>
        BoxOverlap.Iou(c[0], c[1], c[2], c[3], (c[2] - c[0]) * (c[3] - c[1]), c[4], c[5], c[6], c[7], (c[6] - c[4]) * (c[7] - c[5]));
}
