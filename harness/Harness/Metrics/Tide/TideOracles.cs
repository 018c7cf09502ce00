using Harness.Metrics.Coco;

namespace Harness.Metrics.Tide;

/// <summary>
/// TIDE's oracles (dbolya/tide tidecv/quantify.py, TIDERun.fix_errors, fix_main_errors and fix_special_errors), each
/// applied alone to the unchanged run. Fixing a classification or localisation error makes the detection that claimed
/// the truth a true positive of the truth's class, at its own score, and removes the others; fixing a duplicate,
/// background or both error removes the detection; fixing missed truths leaves them out of the truth count. The
/// false-positive oracle removes every false positive, the false-negative oracle every unmatched truth. A main
/// error's dAP is the oracle's AP minus the run's, pooled over the classes with truth and per class. Every run walks
/// the detections in one score order, so an oracle changes what detections count as but never where they stand.
/// </summary>
internal static class TideOracles
{
    public static TideEvaluation Evaluate(TideLedger ledger)
    {
        var classCount = ledger.ClassCount;
        var order = StableScoreOrder.SortAll([.. ledger.Scores]);
        var curves = new TideApCurve[classCount];
        for (var c = 0; c < classCount; c++)
        {
            curves[c] = new TideApCurve();
        }

        var baseline = Aps(ledger, order, curves, oracle: null);
        var fixedAps = TideNames.Errors.Select(error => Aps(ledger, order, curves, error)).ToArray();
        var counts = Counts(ledger);
        var classes = new TideBreakdown?[classCount];
        var scored = new List<int>();
        for (var c = 0; c < classCount; c++)
        {
            if (ledger.Truths[c] > 0)
            {
                scored.Add(c);
                classes[c] = new TideBreakdown(baseline[c], [.. fixedAps.Select(aps => aps[c] - baseline[c])], counts[c]);
            }
        }

        if (scored.Count == 0)
        {
            return new TideEvaluation(null, classes);
        }

        var pooledAp = scored.Average(c => baseline[c]);
        var pooledCounts = new int[TideNames.Count];
        foreach (var classCounts in counts)
        {
            for (var e = 0; e < pooledCounts.Length; e++)
            {
                pooledCounts[e] += classCounts[e];
            }
        }

        var pooled = new TideBreakdown(pooledAp, [.. fixedAps.Select(aps => scored.Average(c => aps[c]) - pooledAp)], pooledCounts);
        return new TideEvaluation(pooled, classes);
    }

    /// <summary>Per class, the AP with <paramref name="oracle"/>'s errors fixed (none: the run as it is).</summary>
    private static double[] Aps(TideLedger ledger, int[] order, TideApCurve[] curves, TideError? oracle)
    {
        foreach (var curve in curves)
        {
            curve.Clear();
        }

        foreach (var d in order)
        {
            var verdict = ledger.Verdicts[d];
            if (oracle is not null && verdict.Error == oracle)
            {
                if (verdict.FixedClass >= 0)
                {
                    curves[verdict.FixedClass].Add(truePositive: true);
                }
            }
            else if (verdict.Outcome == DetectionOutcome.TruePositive
                || (verdict.Outcome == DetectionOutcome.FalsePositive && oracle != TideError.FalsePositive))
            {
                curves[ledger.DetectionClasses[d]].Add(verdict.Outcome == DetectionOutcome.TruePositive);
            }
        }

        var aps = new double[curves.Length];
        for (var c = 0; c < curves.Length; c++)
        {
            var truths = ledger.Truths[c] - oracle switch
            {
                TideError.Missed => ledger.Missed[c],
                TideError.FalseNegative => ledger.Unmatched[c],
                _ => 0,
            };
            aps[c] = ledger.Truths[c] > 0 ? curves[c].Ap(truths) : double.NaN;
        }

        return aps;
    }

    /// <summary>Per class, per error type: detection errors under the detection's class, truth errors under the truth's.</summary>
    private static int[][] Counts(TideLedger ledger)
    {
        var counts = new int[ledger.ClassCount][];
        for (var c = 0; c < counts.Length; c++)
        {
            counts[c] = new int[TideNames.Count];
            counts[c][(int)TideError.Missed] = ledger.Missed[c];
            counts[c][(int)TideError.FalseNegative] = ledger.Unmatched[c];
        }

        for (var d = 0; d < ledger.Verdicts.Count; d++)
        {
            var verdict = ledger.Verdicts[d];
            var classCounts = counts[ledger.DetectionClasses[d]];
            if (verdict.Error is { } error)
            {
                classCounts[(int)error]++;
            }

            if (verdict.Outcome == DetectionOutcome.FalsePositive)
            {
                classCounts[(int)TideError.FalsePositive]++;
            }
        }

        return counts;
    }
}
