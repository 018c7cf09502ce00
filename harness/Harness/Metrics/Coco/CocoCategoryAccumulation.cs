namespace Harness.Metrics.Coco;

/// <summary>
/// pycocotools' accumulate() for one category: detections of all images merged by descending score (stable, so ties
/// keep image order, then rank order), each image cut to its top maxDet, cumulative TP/FP with ignored detections
/// counting as neither, precision made monotone from the right, then read at the 101 recall thresholds with a
/// left searchsorted (0 beyond the last reached recall).
/// </summary>
/// <remarks>
/// Only true positives are materialized. Recall rises only at a true positive, so the first position whose recall
/// reaches a threshold r &gt; 0 is the k-th true positive with k / npig &gt;= r; and the right-to-left precision envelope
/// at a position is the maximum precision over the true positives from there on (a false positive or ignored
/// detection never has a higher precision than the true positive before it, and before the first true positive
/// precision is 0). The values compared and returned are the same doubles pycocotools computes.
/// </remarks>
internal static class CocoCategoryAccumulation
{
    public static void Accumulate(CategoryMatches matches, int category, CocoPrecisionTable table)
    {
        var order = StableScoreOrder.SortAll(matches.Scores);
        var kept = new int[order.Length];
        var hitPrecision = new double[matches.TruthCounts.Max()];
        var maxDetections = CocoParameters.MaxDetections;
        for (var m = 0; m < CocoParameters.MaxDetCount; m++)
        {
            var count = 0;
            foreach (var position in order)
            {
                if (matches.Ranks[position] < maxDetections[m])
                {
                    kept[count++] = position;
                }
            }

            for (var a = 0; a < CocoParameters.AreaCount; a++)
            {
                var truths = matches.TruthCounts[a];
                if (truths == 0)
                {
                    continue;
                }

                for (var t = 0; t < CocoParameters.IouCount; t++)
                {
                    var hits = PrecisionAtHits(matches.OutcomesAt(a, t), kept.AsSpan(0, count), hitPrecision);
                    table.SetRecall(t, category, a, m, (double)hits / truths);
                    ReadAtRecallThresholds(hitPrecision.AsSpan(0, hits), truths, t, category, a, m, table);
                }
            }
        }
    }

    /// <summary>
    /// Walks the detections in score order and writes, for the k-th true positive, tp / (fp + tp + eps) at that point;
    /// then makes the values monotone from the right. Returns the number of true positives.
    /// </summary>
    private static int PrecisionAtHits(ReadOnlySpan<DetectionOutcome> outcomes, ReadOnlySpan<int> kept, Span<double> hitPrecision)
    {
        var tp = 0;
        var fp = 0;
        foreach (var position in kept)
        {
            var outcome = outcomes[position];
            if (outcome == DetectionOutcome.TruePositive)
            {
                tp++;
                hitPrecision[tp - 1] = tp / ((double)(fp + tp) + CocoParameters.Epsilon);
            }
            else
            {
                fp += (int)outcome >> 1;
            }
        }

        for (var k = tp - 1; k > 0; k--)
        {
            if (hitPrecision[k] > hitPrecision[k - 1])
            {
                hitPrecision[k - 1] = hitPrecision[k];
            }
        }

        return tp;
    }

    private static void ReadAtRecallThresholds(ReadOnlySpan<double> hitPrecision, int truths, int iou, int category, int area,
        int maxDet, CocoPrecisionTable table)
    {
        var thresholds = CocoParameters.RecallThresholds;
        var k = 0;
        for (var r = 0; r < thresholds.Length; r++)
        {
            while (k < hitPrecision.Length && (double)(k + 1) / truths < thresholds[r])
            {
                k++;
            }

            table.SetPrecision(iou, r, category, area, maxDet, k < hitPrecision.Length ? hitPrecision[k] : 0);
        }
    }
}
