using Harness.Metrics;

namespace Harness.Tests.Metrics;

/// <summary>
/// The operating-point counts written out the plain way, one class at a time, as a reference for
/// <see cref="OperatingPointMatcher"/> and the accumulator built on it: per class, detections by descending score
/// (stable) take the unmatched non-ignore truth of the class with the highest IoU &gt;= 0.5 (first on ties); an
/// unmatched one at least half inside an ignore region of its class or of every class is ignored, else it is a false
/// positive.
/// </summary>
internal sealed class ScalarRecount(int classes)
{
    private readonly long[] _truePositives = new long[classes];
    private readonly long[] _falsePositives = new long[classes];
    private readonly long[] _misses = new long[classes];
    private readonly long[] _sliceTruths = new long[classes * TruthSlices.Count];
    private readonly long[] _sliceHits = new long[classes * TruthSlices.Count];
    private int _frames;

    public long FalsePositives => _falsePositives.Sum();

    public long Misses => _misses.Sum();

    public void Add(IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> detections)
    {
        _frames++;
        for (var c = 0; c < classes; c++)
        {
            var objects = truth.Where(t => t.ClassId == c && !t.Ignore).ToList();
            var matched = new bool[objects.Count];
            foreach (var detection in detections.Where(d => d.ClassId == c).OrderByDescending(d => d.Score))
            {
                var best = -1;
                for (var t = 0; t < objects.Count; t++)
                {
                    var iou = PixelOverlap.Iou(detection, objects[t]);
                    if (!matched[t] && iou >= 0.5 && (best < 0 || iou > PixelOverlap.Iou(detection, objects[best])))
                    {
                        best = t;
                    }
                }

                if (best >= 0)
                {
                    matched[best] = true;
                    _truePositives[c]++;
                }
                else if (!truth.Any(r => r.Ignore && (r.ClassId == c || r.ClassId < 0) && PixelOverlap.CoveredFraction(detection, r) >= 0.5))
                {
                    _falsePositives[c]++;
                }
            }

            var slices = new bool[TruthSlices.Count];
            for (var t = 0; t < objects.Count; t++)
            {
                _misses[c] += matched[t] ? 0 : 1;
                TruthSlices.Classify(objects[t], slices);
                for (var s = 0; s < TruthSlices.Count; s++)
                {
                    _sliceTruths[(c * TruthSlices.Count) + s] += slices[s] ? 1 : 0;
                    _sliceHits[(c * TruthSlices.Count) + s] += slices[s] && matched[t] ? 1 : 0;
                }
            }
        }
    }

    /// <summary>The metrics <see cref="OperatingPointAccumulator.Write"/> should write from these counts.</summary>
    public Dictionary<string, double> Values(IReadOnlyList<string> classNames)
    {
        var values = new Dictionary<string, double>();
        for (var c = 0; c < classes; c++)
        {
            Rates(values, "/" + classNames[c], _truePositives[c], _falsePositives[c], _misses[c]);
            for (var s = 0; s < TruthSlices.Count; s++)
            {
                if (_sliceTruths[(c * TruthSlices.Count) + s] > 0)
                {
                    values[MetricNames.RecallSlice(classNames[c], MetricNames.RecallSlices[s])] =
                        (double)_sliceHits[(c * TruthSlices.Count) + s] / _sliceTruths[(c * TruthSlices.Count) + s];
                }
            }
        }

        Rates(values, "", _truePositives.Sum(), FalsePositives, Misses);
        values[MetricNames.FalsePositivesPerFrame] = (double)FalsePositives / _frames;
        return values;
    }

    private static void Rates(Dictionary<string, double> values, string suffix, long tp, long fp, long fn)
    {
        if (tp + fp > 0)
        {
            values[MetricNames.Precision + suffix] = (double)tp / (tp + fp);
        }

        if (tp + fn > 0)
        {
            values[MetricNames.Recall + suffix] = (double)tp / (tp + fn);
        }

        if (tp + fp + fn > 0)
        {
            values[MetricNames.F1 + suffix] = 2.0 * tp / ((2 * tp) + fp + fn);
        }
    }
}
