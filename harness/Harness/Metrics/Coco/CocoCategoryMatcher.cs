using System.Numerics.Tensors;

namespace Harness.Metrics.Coco;

/// <summary>
/// pycocotools' computeIoU + evaluateImg for every image of one category: greedy matching of score-sorted detections
/// to truths (non-ignored truths first), at every IoU threshold and area range. Scratch buffers are reused across
/// images and categories; only the per-category result is allocated.
/// </summary>
internal sealed class CocoCategoryMatcher(CocoInput input)
{
    private const int MaxDetections = 100;

    private double[] _ious = new double[256];
    private readonly double[] _x1 = new double[MaxDetections];
    private readonly double[] _y1 = new double[MaxDetections];
    private readonly double[] _x2 = new double[MaxDetections];
    private readonly double[] _y2 = new double[MaxDetections];
    private readonly double[] _area = new double[MaxDetections];
    private readonly double[] _bestIou = new double[MaxDetections];
    private readonly int[] _candidates = new int[MaxDetections];
    private readonly DetectionOutcome[] _unmatched = new DetectionOutcome[MaxDetections];
    private int[] _detectionOrder = new int[MaxDetections];
    private double[] _detectionScores = new double[MaxDetections];
    private double[] _sortKeys = new double[MaxDetections];
    private int[] _truthOrder = new int[16];
    private bool[] _truthIgnored = new bool[16];
    private bool[] _truthMatched = new bool[16];
    private readonly int[] _lastTruthCounts = new int[CocoParameters.AreaCount];

    public CategoryMatches Match(int category)
    {
        var images = input.ImageIds.Length;
        var total = 0;
        for (var i = 0; i < images; i++)
        {
            total += Math.Min(input.DetectionBuckets[input.Bucket(category, i)].Length, MaxDetections);
        }

        var scores = new double[total];
        var ranks = new int[total];
        var detections = new int[total];
        var matchedTruths = new int[total];
        var outcomes = new DetectionOutcome[CocoParameters.AreaCount * CocoParameters.IouCount * total];
        var truthCounts = new int[CocoParameters.AreaCount];
        var imageStarts = new int[images + 1];
        var imageTruthCounts = new int[CocoParameters.AreaCount * images];
        var offset = 0;
        for (var i = 0; i < images; i++)
        {
            var bucket = input.Bucket(category, i);
            imageStarts[i] = offset;
            offset += MatchImage(input.TruthBuckets[bucket], input.DetectionBuckets[bucket], offset, scores, ranks, outcomes, truthCounts,
                detections, matchedTruths);
            for (var a = 0; a < CocoParameters.AreaCount; a++)
            {
                imageTruthCounts[(a * images) + i] = _lastTruthCounts[a];
            }
        }

        imageStarts[images] = offset;
        return new CategoryMatches(scores, ranks, outcomes, truthCounts, imageStarts, imageTruthCounts, detections, matchedTruths);
    }

    private int MatchImage(ReadOnlySpan<int> truths, ReadOnlySpan<int> detections, int offset, double[] scores, int[] ranks,
        DetectionOutcome[] outcomes, int[] truthCounts, int[] detectionIndices, int[] matchedTruths)
    {
        var d = SortDetections(detections);
        var g = truths.Length;
        for (var j = 0; j < d; j++)
        {
            var det = input.Detections[detections[_detectionOrder[j]]];
            scores[offset + j] = det.Score;
            ranks[offset + j] = j;
            detectionIndices[offset + j] = detections[_detectionOrder[j]];
            matchedTruths[offset + j] = -1;
            _x1[j] = det.X;
            _y1[j] = det.Y;
            _x2[j] = det.Width + det.X;
            _y2[j] = det.Height + det.Y;
            _area[j] = det.Width * det.Height;
        }

        EnsureTruthCapacity(g, d);
        var rows = new DetectionRows(_x1.AsSpan(0, d), _y1.AsSpan(0, d), _x2.AsSpan(0, d), _y2.AsSpan(0, d), _area.AsSpan(0, d));
        var bestIou = _bestIou.AsSpan(0, d);
        bestIou.Clear();
        for (var t = 0; t < g; t++)
        {
            var row = _ious.AsSpan(t * d, d);
            BoxIou.Row(input.TruthBoxes[truths[t]], rows, row);
            TensorPrimitives.Max(bestIou, row, bestIou);
        }

        // Detections whose best IoU is below the lowest threshold can never match; only the others take part in the
        // greedy scans (skipping a detection that matches nothing leaves every other match unchanged).
        var candidates = 0;
        for (var j = 0; j < d; j++)
        {
            if (bestIou[j] >= CocoParameters.IouThresholds[0])
            {
                _candidates[candidates++] = j;
            }
        }

        var total = outcomes.Length / CocoParameters.AreaCount / CocoParameters.IouCount;
        for (var a = 0; a < CocoParameters.AreaCount; a++)
        {
            _lastTruthCounts[a] = OrderTruths(truths, a);
            truthCounts[a] += _lastTruthCounts[a];
            var unmatched = UnmatchedOutcomes(d, a);
            for (var t = 0; t < CocoParameters.IouCount; t++)
            {
                var slice = outcomes.AsSpan((((a * CocoParameters.IouCount) + t) * total) + offset, d);
                unmatched.CopyTo(slice);
                var matched = a == CocoParameters.AreaAll && t == CocoParameters.Iou50 ? matchedTruths.AsSpan(offset, d) : default;
                MatchAtThreshold(truths, d, _candidates.AsSpan(0, candidates), CocoParameters.IouThresholds[t], slice, matched);
            }
        }

        return d;
    }

    /// <summary>Fills _detectionOrder with the image's detections by descending score (stable) and returns how many are kept.</summary>
    private int SortDetections(ReadOnlySpan<int> detections)
    {
        if (_detectionOrder.Length < detections.Length)
        {
            _detectionOrder = new int[detections.Length];
            _detectionScores = new double[detections.Length];
            _sortKeys = new double[detections.Length];
        }

        var scores = _detectionScores.AsSpan(0, detections.Length);
        for (var j = 0; j < scores.Length; j++)
        {
            scores[j] = input.Detections[detections[j]].Score;
        }

        StableScoreOrder.Sort(scores, _sortKeys, _detectionOrder);
        return Math.Min(detections.Length, MaxDetections);
    }

    /// <summary>Sorts truths non-ignored first (stable) for area range <paramref name="area"/>; returns the non-ignored count.</summary>
    private int OrderTruths(ReadOnlySpan<int> truths, int area)
    {
        var lower = CocoParameters.AreaLower[area];
        var upper = CocoParameters.AreaUpper[area];
        var kept = 0;
        for (var t = 0; t < truths.Length; t++)
        {
            if (!IsIgnored(truths[t], lower, upper))
            {
                _truthOrder[kept] = t;
                _truthIgnored[kept] = false;
                kept++;
            }
        }

        var next = kept;
        for (var t = 0; t < truths.Length; t++)
        {
            if (IsIgnored(truths[t], lower, upper))
            {
                _truthOrder[next] = t;
                _truthIgnored[next] = true;
                next++;
            }
        }

        return kept;
    }

    private bool IsIgnored(int truth, double lower, double upper) => !Counts(input, truth, lower, upper);

    /// <summary>Whether annotation <paramref name="truth"/> is one of area range <paramref name="area"/>'s npig: not a crowd region, its area in the range.</summary>
    public static bool Counts(CocoInput input, int truth, int area) =>
        Counts(input, truth, CocoParameters.AreaLower[area], CocoParameters.AreaUpper[area]);

    private static bool Counts(CocoInput input, int truth, double lower, double upper)
    {
        var area = input.TruthAreas[truth];
        return !(input.TruthIgnored[truth] || area < lower || area > upper);
    }

    /// <summary>What each detection counts as if it matches nothing: ignored when its box area is outside the range.</summary>
    private ReadOnlySpan<DetectionOutcome> UnmatchedOutcomes(int d, int area)
    {
        var lower = CocoParameters.AreaLower[area];
        var upper = CocoParameters.AreaUpper[area];
        for (var j = 0; j < d; j++)
        {
            _unmatched[j] = _area[j] < lower || _area[j] > upper ? DetectionOutcome.Ignored : DetectionOutcome.FalsePositive;
        }

        return _unmatched.AsSpan(0, d);
    }

    /// <summary>
    /// Greedy matching at one IoU threshold; <paramref name="outcomes"/> already holds the unmatched outcomes.
    /// <paramref name="matchedTruths"/>, when not empty, receives the annotation each true positive took.
    /// </summary>
    private void MatchAtThreshold(ReadOnlySpan<int> truths, int d, ReadOnlySpan<int> candidates, double threshold, Span<DetectionOutcome> outcomes,
        Span<int> matchedTruths)
    {
        var g = truths.Length;
        var matched = _truthMatched.AsSpan(0, g);
        matched.Clear();
        var start = Math.Min(threshold, 1 - 1e-10);
        foreach (var j in candidates)
        {
            if (_bestIou[j] < start)
            {
                continue;
            }

            var best = start;
            var m = -1;
            for (var p = 0; p < g; p++)
            {
                var truth = _truthOrder[p];
                if (matched[p] && !input.TruthBoxes[truths[truth]].IsCrowd)
                {
                    continue;
                }

                // Once matched to a regular truth, the ignored ones (sorted last) cannot take the detection.
                if (m > -1 && !_truthIgnored[m] && _truthIgnored[p])
                {
                    break;
                }

                var iou = _ious[(truth * d) + j];
                if (iou < best)
                {
                    continue;
                }

                best = iou;
                m = p;
            }

            if (m > -1)
            {
                matched[m] = true;
                outcomes[j] = _truthIgnored[m] ? DetectionOutcome.Ignored : DetectionOutcome.TruePositive;
                if (!matchedTruths.IsEmpty && !_truthIgnored[m])
                {
                    matchedTruths[j] = truths[_truthOrder[m]];
                }
            }
        }
    }

    private void EnsureTruthCapacity(int g, int d)
    {
        if (_truthOrder.Length < g)
        {
            var size = Math.Max(g, _truthOrder.Length * 2);
            _truthOrder = new int[size];
            _truthIgnored = new bool[size];
            _truthMatched = new bool[size];
        }

        if (_ious.Length < g * d)
        {
            _ious = new double[Math.Max(g * d, _ious.Length * 2)];
        }
    }
}
