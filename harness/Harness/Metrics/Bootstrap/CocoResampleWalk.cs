using System.Numerics;
using System.Runtime.Intrinsics;
using Harness.Metrics.Coco;
using Harness.Simd;

namespace Harness.Metrics.Bootstrap;

/// <summary>
/// The walk of <see cref="CocoResampleScorer"/>: for each (category, area), one pass over the detections in score
/// order that adds the unit's weight row to per-lane counts at all ten IoU thresholds and keeps, per lane and
/// threshold, the best precision of each recall bucket; it leaves the interpolated precisions and the true positives
/// in the <see cref="CocoResampleTables"/>. Its per-lane state is allocated once, for the widest chunk.
/// </summary>
internal sealed class CocoResampleWalk
{
    private const int Buckets = CocoParameters.RecallCount;
    private const int Ious = CocoParameters.IouCount;

    private readonly IReadOnlyList<CocoCategoryTimeline> _categories;
    private readonly UnitWeights _weights;
    private readonly bool _vectorized;
    private readonly CocoResampleTables _tables;
    private readonly float[] _counted;
    private readonly float[] _tp;
    private readonly float[] _notFp;
    private readonly float[] _nextBucketAt;
    private readonly double[] _bestInBucket;
    private readonly int[] _bucket;
    private readonly float[] _countAt;
    private readonly float[] _cellWeights;

    public CocoResampleWalk(IReadOnlyList<CocoCategoryTimeline> categories, UnitWeights weights, bool vectorized, CocoResampleTables tables)
    {
        _categories = categories;
        _weights = weights;
        _vectorized = vectorized;
        _tables = tables;
        var width = tables.Width;
        _counted = new float[width];
        _tp = new float[Ious * width];
        _notFp = new float[Ious * width];
        _nextBucketAt = new float[Ious * width];
        _bestInBucket = new double[Ious * width];
        _bucket = new int[Ious * width];
        _countAt = new float[tables.Classes * width * (Buckets + 1)];
        _cellWeights = new float[width];
    }

    /// <summary>
    /// For area <paramref name="area"/>, each lane's true-positive count where recall (tp / npig, in doubles) first
    /// reaches each recall threshold. It depends only on npig, so all IoU thresholds share it, and moving a lane to its
    /// next bucket needs no division.
    /// </summary>
    public void CountsReachingBuckets(int area, int lanes)
    {
        var thresholds = CocoParameters.RecallThresholds;
        for (var k = 0; k < _tables.Classes; k++)
        {
            var truths = _tables.Truths(k, area);
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

    /// <summary>One (category, area) accumulation at all IoU thresholds in every lane; leaves the interpolated precisions in <see cref="CocoResampleTables.Precisions"/>.</summary>
    public void Run(int k, int area, int start, int lanes)
    {
        var counted = _counted.AsSpan(0, lanes);
        counted.Clear();
        _tp.AsSpan().Clear();
        _notFp.AsSpan().Clear();
        _bestInBucket.AsSpan().Clear();
        _bucket.AsSpan().Clear();
        for (var t = 0; t < Ious; t++)
        {
            _tables.Precisions.AsSpan(_tables.TableStart(t, k, 0), lanes * Buckets).Clear();
            var next = AtIou(_nextBucketAt, t, lanes);
            for (var lane = 0; lane < lanes; lane++)
            {
                next[lane] = _countAt[CountStart(k, lane) + 1];
            }
        }

        foreach (var e in _categories[k].Events(area))
        {
            var weights = _weights.Row(e >> CocoCategoryTimeline.KindBits, start, lanes, _cellWeights);
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
                var table = _tables.Precisions.AsSpan(_tables.TableStart(t, k, lane), Buckets);
                table[_bucket[(t * _tables.Width) + lane]] = _bestInBucket[(t * _tables.Width) + lane];
                for (var b = Buckets - 2; b >= 0; b--)
                {
                    table[b] = Math.Max(table[b], table[b + 1]);
                }
            }

            AtIou(_tp, t, lanes).CopyTo(_tables.Hits(area, t, k));
        }
    }

    /// <summary>One IoU threshold's per-lane walk state in one of the [iou][lane] arrays.</summary>
    private Span<T> AtIou<T>(T[] values, int iou, int lanes) => values.AsSpan(iou * _tables.Width, lanes);

    /// <summary>Start of one lane's true-positive counts at which recall reaches bucket b; b = 101 is never reached.</summary>
    private int CountStart(int category, int lane) => ((category * _tables.Width) + lane) * (Buckets + 1);

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

    /// <summary>Lanes compared at once: one vector of <see cref="VectorWidth.Current"/> bits, or one lane when scalar.</summary>
    private static int CrossingBlock => Math.Max(1, VectorWidth.Current / (8 * sizeof(float)));

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
        var state = (iou * _tables.Width) + lane;
        var tp = _tp[state];
        var bucket = _bucket[state];
        _tables.Precisions[_tables.TableStart(iou, k, lane) + bucket] = _bestInBucket[state];
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
}
