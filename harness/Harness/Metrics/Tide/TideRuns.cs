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
internal sealed class TideRuns
{
    /// <summary>Run 0 is the ledger as it is, run 1 + e has the errors of type e fixed.</summary>
    public const int Count = 1 + TideNames.Count;

    private readonly TideLedger _ledger;
    private readonly int[] _order;
    private readonly TideApCurve[] _curves;

    public TideRuns(TideLedger ledger)
    {
        _ledger = ledger;
        _order = StableScoreOrder.SortAll([.. ledger.Scores]);
        _curves = new TideApCurve[ledger.ClassCount];
        for (var c = 0; c < _curves.Length; c++)
        {
            _curves[c] = new TideApCurve();
        }
    }

    /// <summary>
    /// Writes <paramref name="aps"/>[run][class]: NaN for a class without truth. <paramref name="copies"/> holds a count
    /// per ledger detection, the truth counts one per class.
    /// </summary>
    public void Aps(ReadOnlySpan<float> copies, ReadOnlySpan<double> truths, ReadOnlySpan<double> missed, ReadOnlySpan<double> unmatched, double[][] aps)
    {
        for (var run = 0; run < Count; run++)
        {
            TideError? oracle = run == 0 ? null : (TideError)(run - 1);
            Walk(copies, oracle);
            for (var c = 0; c < _curves.Length; c++)
            {
                var left = truths[c] - oracle switch
                {
                    TideError.Missed => missed[c],
                    TideError.FalseNegative => unmatched[c],
                    _ => 0,
                };
                aps[run][c] = truths[c] > 0 ? _curves[c].Ap(left) : double.NaN;
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

    private void Walk(ReadOnlySpan<float> copies, TideError? oracle)
    {
        foreach (var curve in _curves)
        {
            curve.Clear();
        }

        foreach (var d in _order)
        {
            if (copies[d] == 0)
            {
                continue;
            }

            var verdict = _ledger.Verdicts[d];
            if (oracle is not null && verdict.Error == oracle)
            {
                if (verdict.FixedClass >= 0)
                {
                    _curves[verdict.FixedClass].Add(truePositive: true, copies[d]);
                }
            }
            else if (verdict.Outcome == DetectionOutcome.TruePositive
                || (verdict.Outcome == DetectionOutcome.FalsePositive && oracle != TideError.FalsePositive))
            {
                _curves[_ledger.DetectionClasses[d]].Add(verdict.Outcome == DetectionOutcome.TruePositive, copies[d]);
            }
        }
    }
}
