using Harness.Metrics.Coco;

namespace Harness.Metrics.Bootstrap;

/// <summary>
/// pycocotools' accumulate() and summarize() for every lane of a <see cref="UnitWeights"/> at once, on matches made
/// once (<see cref="CocoCategoryTimeline"/>). Lanes are processed in chunks; per chunk, each (category, area) is one walk
/// (<see cref="CocoResampleWalk"/>) over the detections in score order that adds the unit's weight row to per-lane
/// counts of all ten IoU thresholds. Per lane and threshold, the best precision of each recall bucket (bucket j holds
/// recalls in [R[j], R[j+1]), compared against <see cref="CocoParameters.RecallThresholds"/> exactly) is kept, and a
/// suffix maximum over the buckets gives the interpolated precision pycocotools gets from its right-to-left envelope
/// and left searchsorted. Means are summed in pycocotools' order (IoU, recall threshold, category) by
/// <see cref="CocoResampleSummary"/>, so lane 0 reproduces <see cref="CocoEvaluator"/> bit for bit. Nothing is
/// allocated per resample or per chunk.
/// </summary>
internal sealed class CocoResampleScorer : IResampleScorer
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
    private readonly CocoResampleTables _tables;
    private readonly CocoResampleWalk _walk;
    private readonly CocoResampleSummary _summary;
    private readonly float[] _cellWeights;

    public CocoResampleScorer(IReadOnlyList<CocoCategoryTimeline> categories, UnitWeights weights, bool vectorized)
    {
        _categories = categories;
        _weights = weights;
        _vectorized = vectorized;
        var affordable = Math.Max(16, TableBudget / (Ious * Math.Max(1, categories.Count) * Buckets) / 16 * 16);
        var width = Math.Min(Math.Min(ChunkLanes, affordable), weights.Lanes);
        _tables = new CocoResampleTables(categories.Count, width);
        _walk = new CocoResampleWalk(categories, weights, vectorized, _tables);
        _summary = new CocoResampleSummary(categories, _tables);
        _cellWeights = new float[width];
    }

    public void Score(MetricSlots samples)
    {
        for (var start = 0; start < _weights.Lanes; start += _tables.Width)
        {
            var lanes = Math.Min(_tables.Width, _weights.Lanes - start);
            WeighTruthsAndTopHits(start, lanes);
            _summary.Clear();
            for (var a = 0; a < Areas; a++)
            {
                _walk.CountsReachingBuckets(a, lanes);
                for (var k = 0; k < _tables.Classes; k++)
                {
                    _walk.Run(k, a, start, lanes);
                }

                for (var t = 0; t < Ious; t++)
                {
                    _summary.AddPrecisions(a, t, lanes);
                }
            }

            _summary.Write(samples, start, lanes);
        }

        _summary.WriteSupport(samples);
    }

    /// <summary>Per lane: npig per category and area, and the true positives among their images' top 1 and top 10.</summary>
    private void WeighTruthsAndTopHits(int start, int lanes)
    {
        _tables.TruthCounts.AsSpan().Clear();
        _tables.TopHitCounts.AsSpan().Clear();
        for (var k = 0; k < _tables.Classes; k++)
        {
            var category = _categories[k];
            for (var a = 0; a < Areas; a++)
            {
                WeighUnits(category.UnitTruthCounts.AsSpan(a * category.Units, category.Units), _tables.Truths(k, a)[..lanes], start);
            }

            for (var top = 0; top < CocoCategoryTimeline.TopCounts; top++)
            {
                for (var t = 0; t < Ious; t++)
                {
                    WeighUnits(category.TopHits.AsSpan(((top * Ious) + t) * category.Units, category.Units), _tables.TopHits(top, t, k)[..lanes], start);
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
