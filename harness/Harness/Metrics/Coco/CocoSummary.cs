namespace Harness.Metrics.Coco;

/// <summary>pycocotools' summarize(): means over the selected settings of every value above -1 (-1 if none).</summary>
internal static class CocoSummary
{
    private const int AllIous = -1;

    public static CocoEvaluationResult Summarize(CocoPrecisionTable table, IReadOnlyList<int> categoryIds)
    {
        var stats = new CocoStats(
            MeanPrecision(table, AllIous, CocoParameters.AreaAll, CocoParameters.MaxDet100),
            MeanPrecision(table, CocoParameters.Iou50, CocoParameters.AreaAll, CocoParameters.MaxDet100),
            MeanPrecision(table, CocoParameters.Iou75, CocoParameters.AreaAll, CocoParameters.MaxDet100),
            MeanPrecision(table, AllIous, CocoParameters.AreaSmall, CocoParameters.MaxDet100),
            MeanPrecision(table, AllIous, CocoParameters.AreaMedium, CocoParameters.MaxDet100),
            MeanPrecision(table, AllIous, CocoParameters.AreaLarge, CocoParameters.MaxDet100),
            MeanRecall(table, CocoParameters.AreaAll, 0),
            MeanRecall(table, CocoParameters.AreaAll, 1),
            MeanRecall(table, CocoParameters.AreaAll, CocoParameters.MaxDet100),
            MeanRecall(table, CocoParameters.AreaSmall, CocoParameters.MaxDet100),
            MeanRecall(table, CocoParameters.AreaMedium, CocoParameters.MaxDet100),
            MeanRecall(table, CocoParameters.AreaLarge, CocoParameters.MaxDet100));

        var perCategory = new Dictionary<int, double>(categoryIds.Count);
        var perCategory50 = new Dictionary<int, double>(categoryIds.Count);
        var curves = new Dictionary<int, CocoPrecisionCurve>(categoryIds.Count);
        for (var k = 0; k < categoryIds.Count; k++)
        {
            var mean = new MeanAboveMinusOne();
            var mean50 = new MeanAboveMinusOne();
            var curve = new double[CocoParameters.RecallCount];
            for (var t = 0; t < CocoParameters.IouCount; t++)
            {
                for (var r = 0; r < CocoParameters.RecallCount; r++)
                {
                    var value = table.Precision(t, r, k, CocoParameters.AreaAll, CocoParameters.MaxDet100);
                    mean.Add(value);
                    if (t == CocoParameters.Iou50)
                    {
                        mean50.Add(value);
                        curve[r] = value;
                    }
                }
            }

            perCategory[categoryIds[k]] = mean.Value;
            perCategory50[categoryIds[k]] = mean50.Value;
            curves[categoryIds[k]] = new CocoPrecisionCurve(CocoParameters.RecallThresholds.ToArray(), curve);
        }

        return new CocoEvaluationResult(stats, perCategory, perCategory50, curves);
    }

    private static double MeanPrecision(CocoPrecisionTable table, int iou, int area, int maxDet)
    {
        var mean = new MeanAboveMinusOne();
        for (var t = 0; t < CocoParameters.IouCount; t++)
        {
            if (iou != AllIous && t != iou)
            {
                continue;
            }

            for (var r = 0; r < CocoParameters.RecallCount; r++)
            {
                for (var k = 0; k < table.Categories; k++)
                {
                    mean.Add(table.Precision(t, r, k, area, maxDet));
                }
            }
        }

        return mean.Value;
    }

    private static double MeanRecall(CocoPrecisionTable table, int area, int maxDet)
    {
        var mean = new MeanAboveMinusOne();
        for (var t = 0; t < CocoParameters.IouCount; t++)
        {
            for (var k = 0; k < table.Categories; k++)
            {
                mean.Add(table.Recall(t, k, area, maxDet));
            }
        }

        return mean.Value;
    }

    private struct MeanAboveMinusOne
    {
        private double _sum;
        private int _count;

        public void Add(double value)
        {
            if (value > -1)
            {
                _sum += value;
                _count++;
            }
        }

        public readonly double Value => _count == 0 ? -1 : _sum / _count;
    }
}
