using Harness.Clips;
using Harness.Postprocessing;

namespace Harness.Metrics;

/// <summary>
/// Counts at the operating point (detections already score-thresholded): per class, true positives, false positives
/// and misses, and per class and recall slice the truth boxes and how many were matched, all read from
/// <see cref="OperatingPointMatcher"/>'s per-detection and per-truth results. Boxes of classes outside
/// <c>[0, classes)</c> are not counted. Nothing is allocated per frame once the matcher's buffers have grown.
/// </summary>
internal sealed class OperatingPointAccumulator(int classes)
{
    private readonly OperatingPointMatcher _matcher = new();
    private readonly long[] _truePositives = new long[classes];
    private readonly long[] _falsePositives = new long[classes];
    private readonly long[] _falseNegatives = new long[classes];
    private readonly long[] _sliceTruths = new long[classes * TruthSlices.Count];
    private readonly long[] _sliceHits = new long[classes * TruthSlices.Count];
    private readonly bool[] _slices = new bool[TruthSlices.Count];
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
        _matcher.Match(truth, detections);
        var matches = _matcher.Matches;
        for (var d = 0; d < matches.Length; d++)
        {
            var c = detections[d].ClassId;
            if ((uint)c >= (uint)classes)
            {
                continue;
            }

            if (matches[d] == DetectionMatch.Matched)
            {
                _truePositives[c]++;
            }
            else if (matches[d] == DetectionMatch.FalsePositive)
            {
                _falsePositives[c]++;
            }
        }

        var matchedBy = _matcher.MatchedBy;
        for (var t = 0; t < matchedBy.Length; t++)
        {
            var box = truth[t];
            if (!OperatingPointMatcher.Scored(box) || box.ClassId >= classes)
            {
                continue;
            }

            var hit = matchedBy[t] >= 0;
            _falseNegatives[box.ClassId] += hit ? 0 : 1;
            TruthSlices.Classify(box, _slices);
            var first = box.ClassId * TruthSlices.Count;
            for (var s = 0; s < TruthSlices.Count; s++)
            {
                if (_slices[s])
                {
                    _sliceTruths[first + s]++;
                    _sliceHits[first + s] += hit ? 1 : 0;
                }
            }
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
}
