using Harness.Metrics.Coco;

namespace Harness.Metrics.Tide;

/// <summary>
/// TIDE's per-image pass (dbolya/tide tidecv/quantify.py, TIDEExample and TIDERun._eval_image) at foreground IoU 0.5
/// and background IoU 0.1. Detections are taken in descending score order (<see cref="StableScoreOrder"/>, ties by
/// position), the top 100 of each class as pycocotools keeps them. Each takes the untaken truth of its class with the
/// highest IoU &gt;= 0.5 (ties: the first such truth); one that takes none is ignored when at least half of it lies in
/// an ignore region of its class or of every class, else it is a false positive. Every false positive and ignored
/// detection is then tested, in score order, with TIDE's rules in TIDE's order: localisation before classification,
/// then duplicate, background, both. Buffers are reused across images.
/// </summary>
internal sealed class TideImageClassifier(int classCount)
{
    public const double Foreground = 0.5;
    public const double Background = 0.1;
    public const double IgnoreCoverage = 0.5;
    public const int MaxDetectionsPerClass = 100;

    private readonly int[] _perClass = new int[classCount];
    private double[] _scores = new double[16];
    private double[] _keys = new double[16];
    private int[] _order = new int[16];
    private int[] _kept = new int[16];
    private double[] _ious = new double[64];
    private int[] _takenBy = new int[16];
    private bool[] _claimed = new bool[16];

    /// <summary>
    /// Writes a verdict per detection and an outcome per truth, both in the order given. A detection's class must be
    /// one of the evaluated classes; truth of a class outside them is left out.
    /// </summary>
    public void Classify(ReadOnlySpan<TideTruth> truth, ReadOnlySpan<TideDetection> detections, Span<TideDetectionVerdict> verdicts,
        Span<TideTruthOutcome> truthOutcomes)
    {
        var kept = KeepTopPerClass(detections, verdicts);
        Grow(ref _ious, kept.Length * truth.Length);
        for (var k = 0; k < kept.Length; k++)
        {
            var detection = detections[kept[k]];
            for (var t = 0; t < truth.Length; t++)
            {
                var box = truth[t].Box;
                // Zero for a truth that is not scored, so that no search below can pick it.
                _ious[(k * truth.Length) + t] = Scored(truth[t])
                    ? BoxOverlap.Iou(detection.X1, detection.Y1, detection.X2, detection.Y2, detection.Area, box.X1, box.Y1, box.X2, box.Y2, box.BoxArea)
                    : 0;
            }
        }

        Grow(ref _takenBy, truth.Length);
        Grow(ref _claimed, truth.Length);
        var takenBy = _takenBy.AsSpan(0, truth.Length);
        var claimed = _claimed.AsSpan(0, truth.Length);
        takenBy.Fill(-1);
        claimed.Clear();
        Match(truth, detections, kept, verdicts, takenBy);

        var anyScored = false;
        foreach (var box in truth)
        {
            anyScored |= Scored(box);
        }

        for (var k = 0; k < kept.Length; k++)
        {
            var d = kept[k];
            if (verdicts[d].Outcome != DetectionOutcome.TruePositive)
            {
                verdicts[d] = Explain(truth, detections[d], verdicts[d].Outcome, _ious.AsSpan(k * truth.Length, truth.Length), anyScored, takenBy, claimed);
            }
        }

        for (var t = 0; t < truth.Length; t++)
        {
            truthOutcomes[t] = !Scored(truth[t]) ? TideTruthOutcome.Unscored
                : takenBy[t] >= 0 ? TideTruthOutcome.Matched
                : claimed[t] ? TideTruthOutcome.Claimed
                : TideTruthOutcome.Missed;
        }
    }

    private bool Scored(in TideTruth truth) => !truth.Ignore && truth.ClassId >= 0 && truth.ClassId < _perClass.Length;

    /// <summary>The positions of the detections taken, in score order; the others are ignored.</summary>
    private ReadOnlySpan<int> KeepTopPerClass(ReadOnlySpan<TideDetection> detections, Span<TideDetectionVerdict> verdicts)
    {
        var n = detections.Length;
        Grow(ref _scores, n);
        Grow(ref _keys, n);
        Grow(ref _order, n);
        Grow(ref _kept, n);
        for (var d = 0; d < n; d++)
        {
            _scores[d] = detections[d].Score;
        }

        StableScoreOrder.Sort(_scores.AsSpan(0, n), _keys, _order);
        Array.Clear(_perClass);
        var kept = 0;
        for (var i = 0; i < n; i++)
        {
            var d = _order[i];
            if (_perClass[detections[d].ClassId]++ < MaxDetectionsPerClass)
            {
                _kept[kept++] = d;
            }
            else
            {
                verdicts[d] = TideDetectionVerdict.Ignored;
            }
        }

        return _kept.AsSpan(0, kept);
    }

    private void Match(ReadOnlySpan<TideTruth> truth, ReadOnlySpan<TideDetection> detections, ReadOnlySpan<int> kept,
        Span<TideDetectionVerdict> verdicts, Span<int> takenBy)
    {
        for (var k = 0; k < kept.Length; k++)
        {
            var d = kept[k];
            var detection = detections[d];
            var ious = _ious.AsSpan(k * truth.Length, truth.Length);
            var best = -1;
            var bestIou = Foreground;
            for (var t = 0; t < truth.Length; t++)
            {
                if (takenBy[t] < 0 && Scored(truth[t]) && truth[t].ClassId == detection.ClassId
                    && OperatingPointMatcher.IsBetterMatch(ious[t], best, bestIou))
                {
                    best = t;
                    bestIou = ious[t];
                }
            }

            if (best >= 0)
            {
                takenBy[best] = d;
                verdicts[d] = TideDetectionVerdict.TruePositive;
            }
            else
            {
                verdicts[d] = InIgnoreRegion(detection, truth) ? TideDetectionVerdict.Ignored : TideDetectionVerdict.FalsePositive;
            }
        }
    }

    private static bool InIgnoreRegion(in TideDetection detection, ReadOnlySpan<TideTruth> truth)
    {
        foreach (var region in truth)
        {
            var box = region.Box;
            if (region.Ignore && (region.ClassId == detection.ClassId || region.ClassId < 0)
                && BoxOverlap.Iou(detection.X1, detection.Y1, detection.X2, detection.Y2, detection.Area, box.X1, box.Y1, box.X2, box.Y2, box.BoxArea,
                    bIsCrowd: true) >= IgnoreCoverage)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// TIDE's tests for a detection that took no truth. The localisation and classification tests look at every truth,
    /// taken or not (TIDE's gt_cls_iou and gt_noncls_iou, as its maintainer explains in dbolya/tide#7), with the first
    /// truth of the highest IoU; only an untaken truth can be fixed, by the highest-scored detection that claims it
    /// (TIDE's BestGTMatch: the first claimant in score order). An ignored detection keeps only these two, the errors
    /// whose oracle can turn it into a true positive (TIDE 1.0.1's fix); the others would remove what is not counted.
    /// </summary>
    private static TideDetectionVerdict Explain(ReadOnlySpan<TideTruth> truth, in TideDetection detection, DetectionOutcome outcome,
        ReadOnlySpan<double> ious, bool anyScored, ReadOnlySpan<int> takenBy, Span<bool> claimed)
    {
        var ignored = outcome == DetectionOutcome.Ignored;
        if (!anyScored)
        {
            return ignored ? TideDetectionVerdict.Ignored : new(outcome, TideError.Background, -1);
        }

        var (same, sameIou) = Highest(truth, ious, detection.ClassId, Among.OwnClass, takenBy);
        if (sameIou >= Background && sameIou <= Foreground)
        {
            return new(outcome, TideError.Localisation, Claim(same, detection.ClassId, takenBy, claimed));
        }

        var (other, otherIou) = Highest(truth, ious, detection.ClassId, Among.OtherClasses, takenBy);
        if (otherIou >= Foreground)
        {
            return new(outcome, TideError.Classification, Claim(other, truth[other].ClassId, takenBy, claimed));
        }

        if (ignored)
        {
            return TideDetectionVerdict.Ignored;
        }

        if (Highest(truth, ious, detection.ClassId, Among.OwnClassTaken, takenBy).Iou >= Foreground)
        {
            return new(outcome, TideError.Duplicate, -1);
        }

        return new(outcome, Highest(truth, ious, detection.ClassId, Among.All, takenBy).Iou <= Background ? TideError.Background : TideError.Both, -1);
    }

    /// <summary>numpy's argmax over the truths <paramref name="among"/> selects: the first of the highest IoU (-1 and 0 when none overlaps).</summary>
    private static (int Truth, double Iou) Highest(ReadOnlySpan<TideTruth> truth, ReadOnlySpan<double> ious, int classId, Among among,
        ReadOnlySpan<int> takenBy)
    {
        var best = -1;
        var bestIou = 0.0;
        for (var t = 0; t < truth.Length; t++)
        {
            var selected = among switch
            {
                Among.OwnClass => truth[t].ClassId == classId,
                Among.OtherClasses => truth[t].ClassId != classId,
                Among.OwnClassTaken => truth[t].ClassId == classId && takenBy[t] >= 0,
                _ => true,
            };
            if (selected && ious[t] > bestIou)
            {
                best = t;
                bestIou = ious[t];
            }
        }

        return (best, bestIou);
    }

    private static int Claim(int truth, int fixedClass, ReadOnlySpan<int> takenBy, Span<bool> claimed)
    {
        if (takenBy[truth] >= 0 || claimed[truth])
        {
            return -1;
        }

        claimed[truth] = true;
        return fixedClass;
    }

    private static void Grow<T>(ref T[] buffer, int count)
    {
        if (buffer.Length < count)
        {
            buffer = new T[Math.Max(count, buffer.Length * 2)];
        }
    }

    private enum Among
    {
        All,
        OwnClass,
        OtherClasses,
        OwnClassTaken,
    }
}
