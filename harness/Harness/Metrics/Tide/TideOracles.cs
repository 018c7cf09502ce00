namespace Harness.Metrics.Tide;

/// <summary>
/// A ledger's TIDE breakdown: its runs (<see cref="TideRuns"/>) with every detection and truth once, the dAPs pooled
/// over the classes with truth and per class, and the error counts.
/// </summary>
internal static class TideOracles
{
    public static TideEvaluation Evaluate(TideLedger ledger)
    {
        var classCount = ledger.ClassCount;
        var copies = new float[ledger.Verdicts.Count];
        Array.Fill(copies, 1);
        var aps = new double[TideRuns.Count][];
        for (var run = 0; run < aps.Length; run++)
        {
            aps[run] = new double[classCount];
        }

        new TideRuns(ledger).Aps(copies, AsDoubles(ledger.Truths), AsDoubles(ledger.Missed), AsDoubles(ledger.Unmatched), aps);
        var counts = Counts(ledger);
        var classes = new TideBreakdown?[classCount];
        for (var c = 0; c < classCount; c++)
        {
            if (!double.IsNaN(aps[0][c]))
            {
                classes[c] = new TideBreakdown(aps[0][c], [.. TideNames.Errors.Select(error => TideRuns.Lost(aps, error, c))], counts[c]);
            }
        }

        if (classes.All(breakdown => breakdown is null))
        {
            return new TideEvaluation(null, classes);
        }

        var pooledCounts = new int[TideNames.Count];
        foreach (var classCounts in counts)
        {
            for (var e = 0; e < pooledCounts.Length; e++)
            {
                pooledCounts[e] += classCounts[e];
            }
        }

        var pooled = new TideBreakdown(TideRuns.Pooled(aps, 0), [.. TideNames.Errors.Select(error => TideRuns.Lost(aps, error, null))], pooledCounts);
        return new TideEvaluation(pooled, classes);
    }

    private static double[] AsDoubles(ReadOnlySpan<int> counts)
    {
        var values = new double[counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            values[i] = counts[i];
        }

        return values;
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

            if (verdict.Outcome == Coco.DetectionOutcome.FalsePositive)
            {
                classCounts[(int)TideError.FalsePositive]++;
            }
        }

        return counts;
    }
}
