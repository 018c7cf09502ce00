using System.Numerics;
using System.Runtime.Intrinsics;
using Harness.Metrics.Coco;

namespace Harness.Metrics.Bootstrap;

/// <summary>
/// pycocotools' accumulate() and summarize() for every lane of a <see cref="FrameWeights"/> at once, on matches made
/// once (<see cref="CocoCategoryTimeline"/>). Lanes are processed in chunks; per chunk, each (category, area) is one walk
/// over the detections in score order that adds the frame's weight row to per-lane counts of all ten IoU thresholds.
/// Per lane and threshold, the best precision of each recall bucket (bucket j holds recalls in [R[j], R[j+1]), compared
/// against <see cref="CocoParameters.RecallThresholds"/> exactly) is kept, and a suffix maximum over the buckets gives
/// the interpolated precision pycocotools gets from its right-to-left envelope and left searchsorted. Means are summed
/// in pycocotools' order (IoU, recall threshold, category), so lane 0 reproduces <see cref="CocoEvaluator"/> bit for
/// bit. Nothing is allocated per resample or per chunk.
/// </summary>
internal sealed class CocoResampleScorer
{
    /// <summary>Most lanes per chunk; fewer when the bucket tables (8 MB at most) need it.</summary>
    public const int ChunkLanes = 1024;

    private const int TableBudget = 1 << 20;
    private const int Buckets = CocoParameters.RecallCount;
    private const int Areas = CocoParameters.AreaCount;
    private const int Ious = CocoParameters.IouCount;

    private readonly IReadOnlyList<CocoCategoryTimeline> _categories;
    private readonly FrameWeights _weights;
    private readonly bool _vectorized;
    private readonly int _width;
    private readonly int _classes;
    private readonly float[] _counted;
    private readonly float[] _tp;
    private readonly float[] _notFp;
    private readonly float[] _nextBucketAt;
    private readonly double[] _bestInBucket;
    private readonly int[] _bucket;
    private readonly double[] _table;
    private readonly float[] _countAt;
    private readonly float[] _truths;
    private readonly float[] _hits;
    private readonly float[] _topHits;
    private readonly double[] _areaSums;
    private readonly double[] _ap50Sums;
    private readonly double[] _ap75Sums;
    private readonly double[] _classSums;
    private readonly double[] _class50Sums;

    public CocoResampleScorer(IReadOnlyList<CocoCategoryTimeline> categories, FrameWeights weights, bool vectorized)
    {
        _categories = categories;
        _weights = weights;
        _vectorized = vectorized;
        _classes = categories.Count;
        var affordable = Math.Max(16, TableBudget / (Ious * Math.Max(1, _classes) * Buckets) / 16 * 16);
        _width = Math.Min(Math.Min(ChunkLanes, affordable), weights.Lanes);
        _counted = new float[_width];
        _tp = new float[Ious * _width];
        _notFp = new float[Ious * _width];
        _nextBucketAt = new float[Ious * _width];
        _bestInBucket = new double[Ious * _width];
        _bucket = new int[Ious * _width];
        _table = new double[Ious * _classes * _width * Buckets];
        _countAt = new float[_classes * _width * (Buckets + 1)];
        _truths = new float[_classes * Areas * _width];
        _hits = new float[Areas * Ious * _classes * _width];
        _topHits = new float[CocoCategoryTimeline.TopCounts * Ious * _classes * _width];
        _areaSums = new double[Areas * _width];
        _ap50Sums = new double[_width];
        _ap75Sums = new double[_width];
        _classSums = new double[_classes * _width];
        _class50Sums = new double[_classes * _width];
    }

    public void Score(MetricSamples samples)
    {
        for (var start = 0; start < _weights.Lanes; start += _width)
        {
            var lanes = Math.Min(_width, _weights.Lanes - start);
            WeighTruthsAndTopHits(start, lanes);
            _areaSums.AsSpan().Clear();
            _ap50Sums.AsSpan().Clear();
            _ap75Sums.AsSpan().Clear();
            _classSums.AsSpan().Clear();
            _class50Sums.AsSpan().Clear();
            for (var a = 0; a < Areas; a++)
            {
                CountsReachingBuckets(a, lanes);
                for (var k = 0; k < _classes; k++)
                {
                    Walk(k, a, start, lanes);
                }

                for (var t = 0; t < Ious; t++)
                {
                    AddPrecisions(a, t, lanes);
                }
            }

            Write(samples, start, lanes);
        }

        WriteSupport(samples);
    }

    private Span<float> Truths(int category, int area) => _truths.AsSpan(((category * Areas) + area) * _width, _width);

    /// <summary>Weighted true positives at maxDets 100, laid out as [area][iou][category][lane].</summary>
    private Span<float> Hits(int area, int iou, int category) => _hits.AsSpan(((((area * Ious) + iou) * _classes) + category) * _width, _width);

    /// <summary>Weighted true positives among the top 1 and top 10 per image, laid out as [top][iou][category][lane].</summary>
    private Span<float> TopHits(int top, int iou, int category) =>
        _topHits.AsSpan(((((top * Ious) + iou) * _classes) + category) * _width, _width);

    /// <summary>One IoU threshold's per-lane walk state in one of the [iou][lane] arrays.</summary>
    private Span<T> AtIou<T>(T[] values, int iou, int lanes) => values.AsSpan(iou * _width, lanes);

    /// <summary>
    /// One lane's precision per recall bucket, then (after the suffix maximum) per recall threshold, laid out as
    /// [iou][category][lane][bucket]: lane-major, so a lane moving through its buckets touches adjacent memory.
    /// </summary>
    private int TableStart(int iou, int category, int lane) => ((((iou * _classes) + category) * _width) + lane) * Buckets;

    /// <summary>Start of one lane's true-positive counts at which recall reaches bucket b; b = 101 is never reached.</summary>
    private int CountStart(int category, int lane) => ((category * _width) + lane) * (Buckets + 1);

    /// <summary>
    /// For area <paramref name="area"/>, each lane's true-positive count where recall (tp / npig, in doubles) first
    /// reaches each recall threshold. It depends only on npig, so all IoU thresholds share it, and moving a lane to its
    /// next bucket needs no division.
    /// </summary>
    private void CountsReachingBuckets(int area, int lanes)
    {
        var thresholds = CocoParameters.RecallThresholds;
        for (var k = 0; k < _classes; k++)
        {
            var truths = Truths(k, area);
            for (var lane = 0; lane < lanes; lane++)
            {
                var counts = _countAt.AsSpan(CountStart(k, lane), Buckets + 1);
                counts.Fill(float.PositiveInfinity);
                if (truths[lane] > 0)
                {
                    for (var b = 0; b < Buckets; b++)
                    {
                        counts[b] = SmallestCountReaching(thresholds[b], truths[lane]);
                    }
                }
            }
        }
    }

    /// <summary>Per lane: npig per category and area, and the true positives among each image's top 1 and top 10.</summary>
    private void WeighTruthsAndTopHits(int start, int lanes)
    {
        _truths.AsSpan().Clear();
        _topHits.AsSpan().Clear();
        for (var k = 0; k < _classes; k++)
        {
            var category = _categories[k];
            for (var a = 0; a < Areas; a++)
            {
                WeighImages(category.ImageTruthCounts.AsSpan(a * category.Images, category.Images), Truths(k, a)[..lanes], start);
            }

            for (var top = 0; top < CocoCategoryTimeline.TopCounts; top++)
            {
                for (var t = 0; t < Ious; t++)
                {
                    WeighImages(category.TopHits.AsSpan(((top * Ious) + t) * category.Images, category.Images), TopHits(top, t, k)[..lanes], start);
                }
            }
        }
    }

    private void WeighImages(ReadOnlySpan<int> perImage, Span<float> sums, int start)
    {
        for (var i = 0; i < perImage.Length; i++)
        {
            if (perImage[i] != 0)
            {
                WeightKernels.MultiplyAdd(sums, _weights.Row(i, start, sums.Length), perImage[i], _vectorized);
            }
        }
    }

    /// <summary>One (category, area) accumulation at all IoU thresholds in every lane; leaves the interpolated precisions in the table.</summary>
    private void Walk(int k, int area, int start, int lanes)
    {
        var counted = _counted.AsSpan(0, lanes);
        counted.Clear();
        _tp.AsSpan().Clear();
        _notFp.AsSpan().Clear();
        _bestInBucket.AsSpan().Clear();
        _bucket.AsSpan().Clear();
        for (var t = 0; t < Ious; t++)
        {
            _table.AsSpan(TableStart(t, k, 0), lanes * Buckets).Clear();
            var next = AtIou(_nextBucketAt, t, lanes);
            for (var lane = 0; lane < lanes; lane++)
            {
                next[lane] = _countAt[CountStart(k, lane) + 1];
            }
        }

        foreach (var e in _categories[k].Events(area))
        {
            var weights = _weights.Row(e >> CocoCategoryTimeline.KindBits, start, lanes);
            var kind = e & ((1 << CocoCategoryTimeline.KindBits) - 1);
            if (kind == CocoCategoryTimeline.Countable)
            {
                WeightKernels.Add(counted, weights, _vectorized);
            }
            else if (kind >= CocoCategoryTimeline.CountedIgnore)
            {
                WeightKernels.Add(AtIou(_notFp, kind - CocoCategoryTimeline.CountedIgnore, lanes), weights, _vectorized);
            }
            else
            {
                var t = kind >= CocoCategoryTimeline.CountedHit ? kind - CocoCategoryTimeline.CountedHit : kind - CocoCategoryTimeline.Hit;
                var notFp = AtIou(_notFp, t, lanes);
                if (kind >= CocoCategoryTimeline.CountedHit)
                {
                    WeightKernels.Add(notFp, weights, _vectorized);
                }

                if (WeightKernels.AddTruePositive(AtIou(_tp, t, lanes), notFp, counted, weights, AtIou(_nextBucketAt, t, lanes),
                    AtIou(_bestInBucket, t, lanes), _vectorized))
                {
                    MoveBuckets(t, k, lanes);
                }
            }
        }

        for (var t = 0; t < Ious; t++)
        {
            for (var lane = 0; lane < lanes; lane++)
            {
                var table = _table.AsSpan(TableStart(t, k, lane), Buckets);
                table[_bucket[(t * _width) + lane]] = _bestInBucket[(t * _width) + lane];
                for (var b = Buckets - 2; b >= 0; b--)
                {
                    table[b] = Math.Max(table[b], table[b + 1]);
                }
            }

            AtIou(_tp, t, lanes).CopyTo(Hits(area, t, k));
        }
    }

    /// <summary>
    /// Stores the finished bucket of each lane whose recall moved on and starts the new one with the latest precision.
    /// The stored best already includes that latest precision, which is harmless: it belongs to a higher bucket, and
    /// the suffix maximum carries it down to the lower one anyway.
    /// </summary>
    private void MoveBuckets(int iou, int k, int lanes)
    {
        var tps = AtIou(_tp, iou, lanes);
        var next = AtIou(_nextBucketAt, iou, lanes);
        var block = _vectorized ? CrossingBlock : 1;
        var first = 0;
        for (; first <= lanes - block; first += block)
        {
            // A vector compare finds the lanes that move; walking its bits avoids a hard-to-predict branch per lane.
            for (var bits = Crossed(tps, next, first, block); bits != 0; bits &= bits - 1)
            {
                MoveBucket(iou, k, first + BitOperations.TrailingZeroCount(bits));
            }
        }

        for (; first < lanes; first++)
        {
            if (tps[first] >= next[first])
            {
                MoveBucket(iou, k, first);
            }
        }
    }

    private static int CrossingBlock =>
        Vector512.IsHardwareAccelerated ? Vector512<float>.Count
        : Vector256.IsHardwareAccelerated ? Vector256<float>.Count
        : Vector128.IsHardwareAccelerated ? Vector128<float>.Count
        : 1;

    /// <summary>Bit j set when lane first + j has reached its next bucket.</summary>
    private static ulong Crossed(ReadOnlySpan<float> tps, ReadOnlySpan<float> next, int first, int block) => block switch
    {
        16 => Vector512.GreaterThanOrEqual(Vector512.Create(tps.Slice(first, 16)), Vector512.Create(next.Slice(first, 16))).ExtractMostSignificantBits(),
        8 => Vector256.GreaterThanOrEqual(Vector256.Create(tps.Slice(first, 8)), Vector256.Create(next.Slice(first, 8))).ExtractMostSignificantBits(),
        4 => Vector128.GreaterThanOrEqual(Vector128.Create(tps.Slice(first, 4)), Vector128.Create(next.Slice(first, 4))).ExtractMostSignificantBits(),
        _ => tps[first] >= next[first] ? 1UL : 0UL,
    };

    private void MoveBucket(int iou, int k, int lane)
    {
        var state = (iou * _width) + lane;
        var tp = _tp[state];
        var bucket = _bucket[state];
        _table[TableStart(iou, k, lane) + bucket] = _bestInBucket[state];
        var counts = _countAt.AsSpan(CountStart(k, lane), Buckets + 1);
        do
        {
            bucket++;
        }
        while (counts[bucket + 1] <= tp);

        _bucket[state] = bucket;
        _bestInBucket[state] = WeightKernels.Precision(tp, _counted[lane] - _notFp[state]);
        _nextBucketAt[state] = counts[bucket + 1];
    }

    /// <summary>The smallest count c with c / truths &gt;= threshold in doubles, as pycocotools compares recall.</summary>
    private static float SmallestCountReaching(double threshold, float truths)
    {
        double total = truths;
        var count = Math.Ceiling(threshold * total);
        while (count > 0 && (count - 1) / total >= threshold)
        {
            count--;
        }

        while (count / total < threshold)
        {
            count++;
        }

        return (float)count;
    }

    /// <summary>
    /// Adds the table in summarize()'s order (recall threshold, then category). A category without truth in a lane has
    /// an all-zero table there, and adding 0.0 leaves a sum bit-identical, so no lane needs masking.
    /// </summary>
    private void AddPrecisions(int area, int iou, int lanes)
    {
        for (var lane = 0; lane < lanes; lane++)
        {
            var areaSum = _areaSums[(area * _width) + lane];
            for (var r = 0; r < Buckets; r++)
            {
                for (var k = 0; k < _classes; k++)
                {
                    areaSum += _table[TableStart(iou, k, lane) + r];
                }
            }

            _areaSums[(area * _width) + lane] = areaSum;
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
                for (var k = 0; k < _classes; k++)
                {
                    sum += _table[TableStart(iou, k, lane) + r];
                }
            }

            sums[lane] = sum;
        }

        for (var k = 0; k < _classes; k++)
        {
            var table = _table.AsSpan(TableStart(iou, k, lane), Buckets);
            AddInOrder(ref _classSums[(k * _width) + lane], table);
            if (iou == CocoParameters.Iou50)
            {
                AddInOrder(ref _class50Sums[(k * _width) + lane], table);
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

    private void Write(MetricSamples samples, int start, int lanes)
    {
        for (var lane = 0; lane < lanes; lane++)
        {
            var all = DefinedCategories(CocoParameters.AreaAll, lane);
            Set(samples, MetricLayout.CocoStat(0), start + lane, _areaSums[lane], all * Ious * Buckets);
            Set(samples, MetricLayout.CocoStat(1), start + lane, _ap50Sums[lane], all * Buckets);
            Set(samples, MetricLayout.CocoStat(2), start + lane, _ap75Sums[lane], all * Buckets);
            for (var a = 1; a < Areas; a++)
            {
                Set(samples, MetricLayout.CocoStat(2 + a), start + lane, _areaSums[(a * _width) + lane], DefinedCategories(a, lane) * Ious * Buckets);
            }

            for (var top = 0; top < CocoCategoryTimeline.TopCounts; top++)
            {
                samples.Values(MetricLayout.CocoStat(6 + top))[start + lane] =
                    MeanRecall(CocoParameters.AreaAll, lane, _topHits.AsSpan(top * Ious * _classes * _width));
            }

            for (var a = 0; a < Areas; a++)
            {
                samples.Values(MetricLayout.CocoStat(8 + a))[start + lane] = MeanRecall(a, lane, _hits.AsSpan(a * Ious * _classes * _width));
            }

            for (var k = 0; k < _classes; k++)
            {
                var defined = Truths(k, CocoParameters.AreaAll)[lane] > 0 ? 1 : 0;
                Set(samples, MetricLayout.ClassAP(k), start + lane, _classSums[(k * _width) + lane], defined * Ious * Buckets);
                Set(samples, MetricLayout.ClassAP50(k), start + lane, _class50Sums[(k * _width) + lane], defined * Buckets);
            }
        }
    }

    private static void Set(MetricSamples samples, int metric, int lane, double sum, int count) =>
        samples.Values(metric)[lane] = count == 0 ? double.NaN : sum / count;

    private int DefinedCategories(int area, int lane)
    {
        var defined = 0;
        for (var k = 0; k < _classes; k++)
        {
            defined += Truths(k, area)[lane] > 0 ? 1 : 0;
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
            for (var k = 0; k < _classes; k++)
            {
                var truths = Truths(k, area)[lane];
                if (truths > 0)
                {
                    sum += hits[(((t * _classes) + k) * _width) + lane] / (double)truths;
                    count++;
                }
            }
        }

        return count == 0 ? double.NaN : sum / count;
    }

    private void WriteSupport(MetricSamples samples)
    {
        for (var a = 0; a < Areas; a++)
        {
            long truths = 0;
            foreach (var category in _categories)
            {
                truths += category.TruthCounts[a];
            }

            samples.SetSupport(MetricLayout.CocoStat(a == 0 ? 0 : 2 + a), truths);
            samples.SetSupport(MetricLayout.CocoStat(8 + a), truths);
        }

        foreach (var stat in (ReadOnlySpan<int>)[1, 2, 6, 7])
        {
            samples.SetSupport(MetricLayout.CocoStat(stat), samples.Support(MetricLayout.CocoStat(0)));
        }

        for (var k = 0; k < _classes; k++)
        {
            samples.SetSupport(MetricLayout.ClassAP(k), _categories[k].TruthCounts[CocoParameters.AreaAll]);
            samples.SetSupport(MetricLayout.ClassAP50(k), _categories[k].TruthCounts[CocoParameters.AreaAll]);
        }
    }
}
