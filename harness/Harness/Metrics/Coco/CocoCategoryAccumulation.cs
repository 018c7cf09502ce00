using System.Numerics.Tensors;

namespace Harness.Metrics.Coco;

/// <summary>
/// pycocotools' accumulate() for one category: detections of all images merged by descending score (stable, so ties
/// keep image order, then rank order), each image cut to its top maxDet, cumulative TP/FP with ignored detections
/// counting as neither, precision made monotone from the right, then read at the 101 recall thresholds with a
/// left searchsorted (0 beyond the last reached recall).
/// </summary>
internal static class CocoCategoryAccumulation
{
    public static void Accumulate(CategoryMatches matches, int category, CocoPrecisionTable table)
    {
        var order = ScoreOrder.SortAll(matches.Scores);
        var kept = new int[order.Length];
        var recall = new double[order.Length];
        var precision = new double[order.Length];
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
                    Curve(matches.OutcomesAt(a, t), kept.AsSpan(0, count), truths, recall, precision);
                    table.SetRecall(t, category, a, m, count > 0 ? recall[count - 1] : 0);
                    ReadAtRecallThresholds(recall.AsSpan(0, count), precision.AsSpan(0, count), t, category, a, m, table);
                }
            }
        }
    }

    private static void Curve(ReadOnlySpan<DetectionOutcome> outcomes, ReadOnlySpan<int> kept, int truths, Span<double> recall,
        Span<double> precision)
    {
        // Cumulative counts first, then the divisions as whole-span operations; division is exact per element, so
        // the vector results equal numpy's.
        var tp = 0;
        var fp = 0;
        for (var i = 0; i < kept.Length; i++)
        {
            var outcome = (int)outcomes[kept[i]];
            tp += outcome & 1;
            fp += outcome >> 1;
            recall[i] = tp;
            precision[i] = (double)fp + tp;
        }

        var n = kept.Length;
        TensorPrimitives.Add(precision[..n], CocoParameters.Epsilon, precision[..n]);
        TensorPrimitives.Divide(recall[..n], precision[..n], precision[..n]);
        TensorPrimitives.Divide(recall[..n], (double)truths, recall[..n]);
        for (var i = n - 1; i > 0; i--)
        {
            if (precision[i] > precision[i - 1])
            {
                precision[i - 1] = precision[i];
            }
        }
    }

    private static void ReadAtRecallThresholds(ReadOnlySpan<double> recall, ReadOnlySpan<double> precision, int iou, int category,
        int area, int maxDet, CocoPrecisionTable table)
    {
        var thresholds = CocoParameters.RecallThresholds;
        var position = 0;
        for (var r = 0; r < thresholds.Length; r++)
        {
            while (position < recall.Length && recall[position] < thresholds[r])
            {
                position++;
            }

            table.SetPrecision(iou, r, category, area, maxDet, position < recall.Length ? precision[position] : 0);
        }
    }
}
