using Harness.Metrics.Coco;

namespace Harness.Metrics.Families.MatchedIou;

/// <summary>Per class, the quantized IoU sum and count of the operating point's matches over a run.</summary>
internal sealed class MatchedIouAccumulator(IReadOnlyList<string> classNames) : FamilyAccumulator
{
    private readonly OperatingPointMatcher _matcher = new();
    private readonly long[] _sums = new long[classNames.Count];
    private readonly long[] _counts = new long[classNames.Count];

    public override void Add(IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> detections)
    {
        _matcher.Match(truth, detections);
        var matchedBy = _matcher.MatchedBy;
        for (var t = 0; t < matchedBy.Length; t++)
        {
            // A truth is matched only by a detection of its own class, one of the scenario's classes.
            if (matchedBy[t] >= 0)
            {
                var classId = truth[t].ClassId;
                _sums[classId] += MatchedIouFamily.Quantize(PixelOverlap.Iou(detections[matchedBy[t]], truth[t]));
                _counts[classId]++;
            }
        }
    }

    public override void Write(IDictionary<string, double> values, IDictionary<string, CocoPrecisionCurve> curves)
    {
        long sum = 0, count = 0;
        for (var c = 0; c < classNames.Count; c++)
        {
            if (_counts[c] > 0)
            {
                values[MetricNames.PerClass(MatchedIouFamily.Root, classNames[c])] = MatchedIouFamily.Mean(_sums[c], _counts[c]);
            }

            sum += _sums[c];
            count += _counts[c];
        }

        if (count > 0)
        {
            values[MatchedIouFamily.Root] = MatchedIouFamily.Mean(sum, count);
        }
    }
}
