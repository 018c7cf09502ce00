using Harness.Metrics.Coco;

namespace Harness.Metrics.Bootstrap;

/// <summary>
/// pycocotools' accumulate() and summarize() for every lane of a <see cref="UnitWeights"/> at once, on matches made
/// once (<see cref="CocoCategoryTimeline"/>). Lanes are processed in chunks; per chunk, each (category, area) is one walk
/// over the detections in score order that adds the unit's weight row to per-lane counts of all ten IoU thresholds.
/// Per lane and threshold, the best precision of each recall bucket (bucket j holds recalls in [R[j], R[j+1]), compared
/// against <see cref="CocoParameters.RecallThresholds"/> exactly) is kept, and a suffix maximum over the buckets gives
/// the interpolated precision pycocotools gets from its right-to-left envelope and left searchsorted. Means are summed
/// in pycocotools' order (IoU, recall threshold, category), so lane 0 reproduces <see cref="CocoEvaluator"/> bit for
/// bit. Nothing is allocated per resample or per chunk.
/// </summary>
internal sealed partial class CocoResampleScorer : IResampleScorer
{
    /// <summary>Most lanes per chunk; fewer when the bucket tables (8 MB at most) need it.</summary>
    public const int ChunkLanes = 1024;

    private const int TableBudget = 1 << 20;
    private const int Buckets = CocoParameters.RecallCount;
    private const int Areas = CocoParameters.AreaCount;
    private const int Ious = CocoParameters.IouCount;

    private readonly IReadOnlyList<CocoCategoryTimeline> _categories;
    private readonly UnitWeights _weights;
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
    private readonly float[] _cellWeights;

    public CocoResampleScorer(IReadOnlyList<CocoCategoryTimeline> categories, UnitWeights weights, bool vectorized)
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
        _cellWeights = new float[_width];
    }

    public void Score(MetricSlots samples)
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

    /// <summary>Per lane: npig per category and area, and the true positives among their images' top 1 and top 10.</summary>
    private void WeighTruthsAndTopHits(int start, int lanes)
    {
        _truths.AsSpan().Clear();
        _topHits.AsSpan().Clear();
        for (var k = 0; k < _classes; k++)
        {
            var category = _categories[k];
            for (var a = 0; a < Areas; a++)
            {
                WeighUnits(category.UnitTruthCounts.AsSpan(a * category.Units, category.Units), Truths(k, a)[..lanes], start);
            }

            for (var top = 0; top < CocoCategoryTimeline.TopCounts; top++)
            {
                for (var t = 0; t < Ious; t++)
                {
                    WeighUnits(category.TopHits.AsSpan(((top * Ious) + t) * category.Units, category.Units), TopHits(top, t, k)[..lanes], start);
                }
            }
        }
    }

    private void WeighUnits(ReadOnlySpan<int> perUnit, Span<float> sums, int start)
    {
        for (var u = 0; u < perUnit.Length; u++)
        {
            if (perUnit[u] != 0)
            {
                WeightKernels.MultiplyAdd(sums, _weights.Row(u, start, sums.Length, _cellWeights), perUnit[u], _vectorized);
            }
        }
    }
}
