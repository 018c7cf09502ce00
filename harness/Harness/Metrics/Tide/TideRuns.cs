using Harness.Metrics.Coco;

namespace Harness.Metrics.Tide;

/// <summary>
/// TIDE's oracles (dbolya/tide tidecv/quantify.py, TIDERun.fix_errors, fix_main_errors and fix_special_errors) over one
/// ledger, each applied alone to the unchanged run. Fixing a classification or localisation error makes the detection
/// that claimed the truth a true positive of the truth's class, at its own score, and removes the others; fixing a
/// duplicate, background or both error removes the detection; fixing missed truths leaves them out of the truth
/// count. The false-positive oracle removes every false positive, the false-negative oracle every unmatched truth.
/// Every run walks the detections in one score order (set up once), so an oracle changes what detections count as but
/// never where they stand. The runs are scored with any number of copies of each detection and truth: one each for
/// the run itself, or a bootstrap lane's draws, which give the same values as the drawn images fed one by one.
/// </summary>
/// <remarks>
/// The bootstrap scores every lane, so the work is cut to what differs from the run: one walk of each class's
/// detections gives the run, the missed and false-negative oracles (the same detections against fewer truths) and the
/// false-positive oracle (its true positives alone); a detection oracle walks only the classes its errors touch, the
/// others keep the run's AP, which a walk would give them bit for bit.
/// </remarks>
internal sealed class TideRuns
{
    /// <summary>Run 0 is the ledger as it is, run 1 + e has the errors of type e fixed.</summary>
    public const int Count = 1 + TideNames.Count;

    private readonly TideDetectionVerdict[] _verdicts;
    private readonly TideApCurve[] _curves;
    private readonly TideApCurve[] _truePositives;

    /// <summary>Per class, the ledger detections of that class in score order.</summary>
    private readonly int[][] _rows;

    /// <summary>Per detection error type and class: null when no error of the type touches the class, else the detections the class's curve walks with those errors fixed.</summary>
    private readonly int[]?[][] _fixedRows;

    public TideRuns(TideLedger ledger)
    {
        _verdicts = [.. ledger.Verdicts];
        var classes = ledger.ClassCount;
        _curves = new TideApCurve[classes];
        _truePositives = new TideApCurve[classes];
        for (var c = 0; c < classes; c++)
        {
            _curves[c] = new TideApCurve();
            _truePositives[c] = new TideApCurve();
        }

        var order = StableScoreOrder.SortAll([.. ledger.Scores]);
        var rank = new int[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            rank[order[i]] = i;
        }

        _rows = [.. Enumerable.Range(0, classes).Select(c => order.Where(d => ledger.DetectionClasses[d] == c).ToArray())];
        _fixedRows = new int[]?[(int)TideError.Missed][];
        for (var e = 0; e < _fixedRows.Length; e++)
        {
            var error = (TideError)e;
            var touched = new bool[classes];
            var moved = new List<int>[classes];
            foreach (var d in order)
            {
                var verdict = ledger.Verdicts[d];
                if (verdict.Error == error)
                {
                    touched[ledger.DetectionClasses[d]] = true;
                    if (verdict.FixedClass >= 0 && verdict.FixedClass != ledger.DetectionClasses[d])
                    {
                        touched[verdict.FixedClass] = true;
                        (moved[verdict.FixedClass] ??= []).Add(d);
                    }
                }
            }

            _fixedRows[e] = new int[]?[classes];
            for (var c = 0; c < classes; c++)
            {
                if (touched[c])
                {
                    // Detections another class's fix moves here join the class's own, in the one score order.
                    _fixedRows[e][c] = moved[c] is { } joined ? [.. _rows[c].Concat(joined).OrderBy(d => rank[d])] : _rows[c];
                }
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="aps"/>[run][class]: NaN for a class without truth. <paramref name="copies"/> holds a count
    /// per ledger detection, the truth counts one per class.
    /// </summary>
    public void Aps(ReadOnlySpan<float> copies, ReadOnlySpan<double> truths, ReadOnlySpan<double> missed, ReadOnlySpan<double> unmatched, double[][] aps)
    {
        for (var c = 0; c < _curves.Length; c++)
        {
            if (truths[c] <= 0)
            {
                for (var run = 0; run < Count; run++)
                {
                    aps[run][c] = double.NaN;
                }

                continue;
            }

            WalkAsItIs(c, copies);
            aps[0][c] = _curves[c].Ap(truths[c]);
            aps[1 + (int)TideError.Missed][c] = _curves[c].Ap(truths[c] - missed[c]);
            aps[1 + (int)TideError.FalseNegative][c] = _curves[c].Ap(truths[c] - unmatched[c]);
            aps[1 + (int)TideError.FalsePositive][c] = _truePositives[c].Ap(truths[c]);
            for (var e = 0; e < _fixedRows.Length; e++)
            {
                aps[1 + e][c] = _fixedRows[e][c] is { } rows ? WalkFixed(c, (TideError)e, rows, copies).Ap(truths[c]) : aps[0][c];
            }
        }
    }

    /// <summary>The AP of <paramref name="run"/> pooled: the mean over the classes with truth, in class order; NaN without any.</summary>
    public static double Pooled(double[][] aps, int run)
    {
        var sum = 0.0;
        var classes = 0;
        for (var c = 0; c < aps[0].Length; c++)
        {
            if (!double.IsNaN(aps[0][c]))
            {
                sum += aps[run][c];
                classes++;
            }
        }

        return classes > 0 ? sum / classes : double.NaN;
    }

    /// <summary>The dAP of <paramref name="error"/> for one class, or pooled when <paramref name="classId"/> is null; NaN where undefined.</summary>
    public static double Lost(double[][] aps, TideError error, int? classId) => classId is { } c
        ? aps[1 + (int)error][c] - aps[0][c]
        : Pooled(aps, 1 + (int)error) - Pooled(aps, 0);

    private void WalkAsItIs(int classId, ReadOnlySpan<float> copies)
    {
        var curve = _curves[classId];
        var truePositives = _truePositives[classId];
        curve.Clear();
        truePositives.Clear();
        foreach (var d in _rows[classId])
        {
            var outcome = _verdicts[d].Outcome;
            if (copies[d] == 0 || outcome == DetectionOutcome.Ignored)
            {
                continue;
            }

            curve.Add(outcome == DetectionOutcome.TruePositive, copies[d]);
            if (outcome == DetectionOutcome.TruePositive)
            {
                truePositives.Add(truePositive: true, copies[d]);
            }
        }
    }

    /// <summary>The class's curve with the errors of <paramref name="error"/> fixed (its own detections and those a classification fix moves in).</summary>
    private TideApCurve WalkFixed(int classId, TideError error, int[] rows, ReadOnlySpan<float> copies)
    {
        var curve = _curves[classId];
        curve.Clear();
        foreach (var d in rows)
        {
            var verdict = _verdicts[d];
            if (copies[d] == 0)
            {
                continue;
            }

            if (verdict.Error == error)
            {
                if (verdict.FixedClass == classId)
                {
                    curve.Add(truePositive: true, copies[d]);
                }
            }
            else if (verdict.Outcome != DetectionOutcome.Ignored)
            {
                curve.Add(verdict.Outcome == DetectionOutcome.TruePositive, copies[d]);
            }
        }

        return curve;
    }
}
