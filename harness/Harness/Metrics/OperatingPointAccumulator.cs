using Harness.Clips;
using Harness.Postprocessing;

namespace Harness.Metrics;

/// <summary>
/// Counts at the operating point (detections already score-thresholded). Per frame and class, detections in
/// descending score order take the unmatched truth of their class with the highest IoU &gt;= 0.5; a detection that
/// takes none is ignored when at least half of it lies in an ignore region of its class (or of any class, for a region
/// with a negative class id), else it is a false positive. Ignore regions are never missed. Buffers are reused, so
/// nothing is allocated per frame once they have grown.
/// </summary>
internal sealed class OperatingPointAccumulator(int classes)
{
    private const double MatchIou = 0.5;
    private const double IgnoreCoverage = 0.5;

    private readonly long[] _truePositives = new long[classes];
    private readonly long[] _falsePositives = new long[classes];
    private readonly long[] _falseNegatives = new long[classes];
    private readonly long[] _sliceTruths = new long[classes * TruthSlices.Count];
    private readonly long[] _sliceHits = new long[classes * TruthSlices.Count];
    private readonly bool[] _slices = new bool[TruthSlices.Count];
    private int[] _candidates = new int[64];
    private double[] _scores = new double[64];
    private double[] _sortKeys = new double[64];
    private int[] _order = new int[64];
    private int[] _truths = new int[64];
    private bool[] _matched = new bool[64];
    private long _frames;

    /// <summary>Running totals per class, read by the bootstrap to take per-frame differences.</summary>
    public ReadOnlySpan<long> TruePositives => _truePositives;

    public ReadOnlySpan<long> FalsePositives => _falsePositives;

    public ReadOnlySpan<long> FalseNegatives => _falseNegatives;

    /// <summary>Per class and slice, laid out as [class][slice].</summary>
    public ReadOnlySpan<long> SliceTruths => _sliceTruths;

    public ReadOnlySpan<long> SliceHits => _sliceHits;

    public void Add(IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> detections)
    {
        _frames++;
        Grow(Math.Max(truth.Count, detections.Count));
        for (var c = 0; c < classes; c++)
        {
            AddClass(c, truth, detections);
        }
    }

    public void Write(IReadOnlyList<string> classNames, IDictionary<string, double> values)
    {
        long tp = 0, fp = 0, fn = 0;
        for (var c = 0; c < classes; c++)
        {
            tp += _truePositives[c];
            fp += _falsePositives[c];
            fn += _falseNegatives[c];
            WriteRates(values, name => MetricNames.PerClass(name, classNames[c]), _truePositives[c], _falsePositives[c], _falseNegatives[c]);
            for (var s = 0; s < TruthSlices.Count; s++)
            {
                var truths = _sliceTruths[(c * TruthSlices.Count) + s];
                if (truths > 0)
                {
                    values[MetricNames.RecallSlice(classNames[c], MetricNames.RecallSlices[s])] =
                        (double)_sliceHits[(c * TruthSlices.Count) + s] / truths;
                }
            }
        }

        WriteRates(values, name => name, tp, fp, fn);
        if (_frames > 0)
        {
            values[MetricNames.FalsePositivesPerFrame] = (double)fp / _frames;
        }
    }

    /// <summary>Precision needs a detection, recall a truth, F1 (2TP / (2TP + FP + FN)) either.</summary>
    private static void WriteRates(IDictionary<string, double> values, Func<string, string> name, long tp, long fp, long fn)
    {
        if (tp + fp > 0)
        {
            values[name(MetricNames.Precision)] = (double)tp / (tp + fp);
        }

        if (tp + fn > 0)
        {
            values[name(MetricNames.Recall)] = (double)tp / (tp + fn);
        }

        if (tp + fp + fn > 0)
        {
            values[name(MetricNames.F1)] = 2.0 * tp / ((2 * tp) + fp + fn);
        }
    }

    private void AddClass(int c, IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> detections)
    {
        var truthCount = 0;
        for (var t = 0; t < truth.Count; t++)
        {
            if (truth[t].ClassId == c && !truth[t].Ignore)
            {
                _truths[truthCount] = t;
                _matched[truthCount] = false;
                truthCount++;
            }
        }

        var candidateCount = 0;
        for (var d = 0; d < detections.Count; d++)
        {
            if (detections[d].ClassId == c)
            {
                _scores[candidateCount] = detections[d].Score;
                _candidates[candidateCount++] = d;
            }
        }

        Coco.ScoreOrder.Sort(_scores.AsSpan(0, candidateCount), _sortKeys, _order);
        for (var i = 0; i < candidateCount; i++)
        {
            var detection = detections[_candidates[_order[i]]];
            var best = -1;
            var bestIou = MatchIou;
            for (var t = 0; t < truthCount; t++)
            {
                if (_matched[t])
                {
                    continue;
                }

                var iou = PixelOverlap.Iou(detection, truth[_truths[t]]);
                if (iou >= bestIou && (best < 0 || iou > bestIou))
                {
                    best = t;
                    bestIou = iou;
                }
            }

            if (best >= 0)
            {
                _matched[best] = true;
                _truePositives[c]++;
            }
            else if (!InIgnoreRegion(detection, c, truth))
            {
                _falsePositives[c]++;
            }
        }

        for (var t = 0; t < truthCount; t++)
        {
            if (!_matched[t])
            {
                _falseNegatives[c]++;
            }

            TruthSlices.Classify(truth[_truths[t]], _slices);
            for (var s = 0; s < TruthSlices.Count; s++)
            {
                if (_slices[s])
                {
                    _sliceTruths[(c * TruthSlices.Count) + s]++;
                    _sliceHits[(c * TruthSlices.Count) + s] += _matched[t] ? 1 : 0;
                }
            }
        }
    }

    private static bool InIgnoreRegion(in Detection detection, int c, IReadOnlyList<TruthBox> truth)
    {
        for (var t = 0; t < truth.Count; t++)
        {
            var region = truth[t];
            if (region.Ignore && (region.ClassId == c || region.ClassId < 0) && PixelOverlap.CoveredFraction(detection, region) >= IgnoreCoverage)
            {
                return true;
            }
        }

        return false;
    }

    private void Grow(int count)
    {
        if (_candidates.Length < count)
        {
            var size = Math.Max(count, _candidates.Length * 2);
            _candidates = new int[size];
            _scores = new double[size];
            _sortKeys = new double[size];
            _order = new int[size];
            _truths = new int[size];
            _matched = new bool[size];
        }
    }
}
