using Harness.Metrics.Coco;

namespace Harness.Metrics.Families.Stability;

/// <summary>The stability counts of a run summed per class as its frames stream by.</summary>
internal sealed class StabilityAccumulator(IReadOnlyList<string> classNames) : FamilyAccumulator
{
    private readonly TrackWalk _walk = new();
    private readonly List<StabilityEvent> _events = [];
    private readonly long[] _sums = new long[classNames.Count * StabilityFamily.Counts];

    public override void Add(IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> detections)
    {
        _events.Clear();
        _walk.Add(truth, detections, _events);
        foreach (var e in _events)
        {
            _sums[(e.ClassId * StabilityFamily.Counts) + (int)e.Count] += e.Amount;
        }
    }

    public override void Write(IDictionary<string, double> values, IDictionary<string, CocoPrecisionCurve> curves)
    {
        Write(values, name => name, count => Enumerable.Range(0, classNames.Count).Sum(c => _sums[(c * StabilityFamily.Counts) + (int)count]));
        for (var c = 0; c < classNames.Count; c++)
        {
            var row = c * StabilityFamily.Counts;
            Write(values, name => MetricNames.PerClass(name, classNames[c]), count => _sums[row + (int)count]);
        }
    }

    private static void Write(IDictionary<string, double> values, Func<string, string> name, Func<StabilityCount, long> sum)
    {
        var (flicker, switches, jitter, wait) = StabilityFamily.Values(count => sum(count));
        foreach (var (root, value) in new[] { (StabilityFamily.Flicker, flicker), (StabilityFamily.ClassSwitches, switches), (StabilityFamily.Jitter, jitter), (StabilityFamily.FramesToDetect, wait) })
        {
            if (!double.IsNaN(value))
            {
                values[name(root)] = value;
            }
        }
    }
}
