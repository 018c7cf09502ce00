using Harness.Clips;
using Harness.Postprocessing;

namespace Harness.Metrics;

/// <summary>
/// Counts at the operating point (detections already score-thresholded): per class, true positives, false positives
/// and misses, and per class and recall slice the truth boxes and how many were matched, as
/// <see cref="OperatingPointCounts"/> reads them from <see cref="OperatingPointMatcher"/>'s results. Nothing is
/// allocated per frame once the matcher's buffers have grown.
/// </summary>
internal sealed class OperatingPointAccumulator(int classes)
{
    private readonly OperatingPointMatcher _matcher = new();
    private readonly long[] _counts = new long[classes * OperatingPointCounts.PerClass];
    private readonly bool[] _slices = new bool[TruthSlices.Count];
    private long _frames;

    public void Add(IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> detections)
    {
        _frames++;
        _matcher.Match(truth, detections);
        var totals = new Totals(_counts);
        OperatingPointCounts.Visit(_matcher, truth, detections, classes, _slices, ref totals);
    }

    public void Write(IReadOnlyList<string> classNames, IDictionary<string, double> values)
    {
        long tp = 0, fp = 0, fn = 0;
        for (var c = 0; c < classes; c++)
        {
            var row = _counts.AsSpan(c * OperatingPointCounts.PerClass, OperatingPointCounts.PerClass);
            tp += row[OperatingPointCounts.TruePositive];
            fp += row[OperatingPointCounts.FalsePositive];
            fn += row[OperatingPointCounts.FalseNegative];
            WriteRates(values, name => MetricNames.PerClass(name, classNames[c]), row[OperatingPointCounts.TruePositive],
                row[OperatingPointCounts.FalsePositive], row[OperatingPointCounts.FalseNegative]);
            for (var s = 0; s < TruthSlices.Count; s++)
            {
                var truths = row[OperatingPointCounts.SliceTruths + s];
                if (truths > 0)
                {
                    values[MetricNames.RecallSlice(classNames[c], MetricNames.RecallSlices[s])] = (double)row[OperatingPointCounts.SliceHits + s] / truths;
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

    private readonly struct Totals(long[] counts) : OperatingPointCounts.ISink
    {
        public void Count(int classId, int field, int box) => counts[(classId * OperatingPointCounts.PerClass) + field]++;
    }
}
