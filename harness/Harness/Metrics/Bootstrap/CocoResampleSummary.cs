using Harness.Metrics.Coco;
using Harness.Metrics.Families;

namespace Harness.Metrics.Bootstrap;

/// <summary>
/// The summary of <see cref="CocoResampleScorer"/>: summarize() over the <see cref="CocoResampleTables"/> in
/// pycocotools' order of addition, per lane, and the metric values and supports written from it. Its sums are
/// allocated once, for the widest chunk, and cleared per chunk.
/// </summary>
internal sealed class CocoResampleSummary
{
    private const int Buckets = CocoParameters.RecallCount;
    private const int Areas = CocoParameters.AreaCount;
    private const int Ious = CocoParameters.IouCount;

    private readonly IReadOnlyList<CocoCategoryTimeline> _categories;
    private readonly CocoResampleTables _tables;
    private readonly double[] _areaSums;
    private readonly double[] _ap50Sums;
    private readonly double[] _ap75Sums;
    private readonly double[] _classSums;
    private readonly double[] _class50Sums;

    public CocoResampleSummary(IReadOnlyList<CocoCategoryTimeline> categories, CocoResampleTables tables)
    {
        _categories = categories;
        _tables = tables;
        _areaSums = new double[Areas * tables.Width];
        _ap50Sums = new double[tables.Width];
        _ap75Sums = new double[tables.Width];
        _classSums = new double[tables.Classes * tables.Width];
        _class50Sums = new double[tables.Classes * tables.Width];
    }

    /// <summary>Starts a chunk of lanes.</summary>
    public void Clear()
    {
        _areaSums.AsSpan().Clear();
        _ap50Sums.AsSpan().Clear();
        _ap75Sums.AsSpan().Clear();
        _classSums.AsSpan().Clear();
        _class50Sums.AsSpan().Clear();
    }

    /// <summary>
    /// Adds the table in summarize()'s order (recall threshold, then category). A category without truth in a lane has
    /// an all-zero table there, and adding 0.0 leaves a sum bit-identical, so no lane needs masking.
    /// </summary>
    public void AddPrecisions(int area, int iou, int lanes)
    {
        for (var lane = 0; lane < lanes; lane++)
        {
            var areaSum = _areaSums[(area * _tables.Width) + lane];
            for (var r = 0; r < Buckets; r++)
            {
                for (var k = 0; k < _tables.Classes; k++)
                {
                    areaSum += _tables.Precisions[_tables.TableStart(iou, k, lane) + r];
                }
            }

            _areaSums[(area * _tables.Width) + lane] = areaSum;
            if (area == CocoParameters.AreaAll)
            {
                AddAreaAllPrecisions(iou, lane);
            }
        }
    }

    /// <summary>Per-class AP and AP50, and AP50 and AP75 over classes, for one lane.</summary>
    private void AddAreaAllPrecisions(int iou, int lane)
    {
        if (iou is CocoParameters.Iou50 or CocoParameters.Iou75)
        {
            var sums = iou == CocoParameters.Iou50 ? _ap50Sums : _ap75Sums;
            var sum = sums[lane];
            for (var r = 0; r < Buckets; r++)
            {
                for (var k = 0; k < _tables.Classes; k++)
                {
                    sum += _tables.Precisions[_tables.TableStart(iou, k, lane) + r];
                }
            }

            sums[lane] = sum;
        }

        for (var k = 0; k < _tables.Classes; k++)
        {
            var table = _tables.Precisions.AsSpan(_tables.TableStart(iou, k, lane), Buckets);
            AddInOrder(ref _classSums[(k * _tables.Width) + lane], table);
            if (iou == CocoParameters.Iou50)
            {
                AddInOrder(ref _class50Sums[(k * _tables.Width) + lane], table);
            }
        }
    }

    private static void AddInOrder(ref double sum, ReadOnlySpan<double> values)
    {
        var total = sum;
        foreach (var value in values)
        {
            total += value;
        }

        sum = total;
    }

    public void Write(MetricSlots samples, int start, int lanes)
    {
        for (var lane = 0; lane < lanes; lane++)
        {
            var all = DefinedCategories(CocoParameters.AreaAll, lane);
            Set(samples, CocoFamily.Stat(0), start + lane, _areaSums[lane], all * Ious * Buckets);
            Set(samples, CocoFamily.Stat(1), start + lane, _ap50Sums[lane], all * Buckets);
            Set(samples, CocoFamily.Stat(2), start + lane, _ap75Sums[lane], all * Buckets);
            for (var a = 1; a < Areas; a++)
            {
                Set(samples, CocoFamily.Stat(2 + a), start + lane, _areaSums[(a * _tables.Width) + lane], DefinedCategories(a, lane) * Ious * Buckets);
            }

            for (var top = 0; top < CocoCategoryTimeline.TopCounts; top++)
            {
                samples.Values(CocoFamily.Stat(6 + top))[start + lane] =
                    MeanRecall(CocoParameters.AreaAll, lane, _tables.TopHitCounts.AsSpan(top * Ious * _tables.Classes * _tables.Width));
            }

            for (var a = 0; a < Areas; a++)
            {
                samples.Values(CocoFamily.Stat(8 + a))[start + lane] = MeanRecall(a, lane, _tables.HitCounts.AsSpan(a * Ious * _tables.Classes * _tables.Width));
            }

            for (var k = 0; k < _tables.Classes; k++)
            {
                var defined = _tables.Truths(k, CocoParameters.AreaAll)[lane] > 0 ? 1 : 0;
                Set(samples, CocoFamily.ClassAP(k), start + lane, _classSums[(k * _tables.Width) + lane], defined * Ious * Buckets);
                Set(samples, CocoFamily.ClassAP50(k), start + lane, _class50Sums[(k * _tables.Width) + lane], defined * Buckets);
            }
        }
    }

    private static void Set(MetricSlots samples, int metric, int lane, double sum, int count) =>
        samples.Values(metric)[lane] = count == 0 ? double.NaN : sum / count;

    private int DefinedCategories(int area, int lane)
    {
        var defined = 0;
        for (var k = 0; k < _tables.Classes; k++)
        {
            defined += _tables.Truths(k, area)[lane] > 0 ? 1 : 0;
        }

        return defined;
    }

    /// <summary>summarize()'s mean of recall over IoU thresholds, then categories, where the category has truth;
    /// <paramref name="hits"/> is laid out as [iou][category][lane].</summary>
    private double MeanRecall(int area, int lane, ReadOnlySpan<float> hits)
    {
        var sum = 0.0;
        var count = 0;
        for (var t = 0; t < Ious; t++)
        {
            for (var k = 0; k < _tables.Classes; k++)
            {
                var truths = _tables.Truths(k, area)[lane];
                if (truths > 0)
                {
                    sum += hits[(((t * _tables.Classes) + k) * _tables.Width) + lane] / (double)truths;
                    count++;
                }
            }
        }

        return count == 0 ? double.NaN : sum / count;
    }

    public void WriteSupport(MetricSlots samples)
    {
        for (var a = 0; a < Areas; a++)
        {
            long truths = 0;
            foreach (var category in _categories)
            {
                truths += category.TruthCounts[a];
            }

            samples.SetSupport(CocoFamily.Stat(a == 0 ? 0 : 2 + a), truths);
            samples.SetSupport(CocoFamily.Stat(8 + a), truths);
        }

        foreach (var stat in (ReadOnlySpan<int>)[1, 2, 6, 7])
        {
            samples.SetSupport(CocoFamily.Stat(stat), samples.Support(CocoFamily.Stat(0)));
        }

        for (var k = 0; k < _tables.Classes; k++)
        {
            samples.SetSupport(CocoFamily.ClassAP(k), _categories[k].TruthCounts[CocoParameters.AreaAll]);
            samples.SetSupport(CocoFamily.ClassAP50(k), _categories[k].TruthCounts[CocoParameters.AreaAll]);
        }
    }
}
