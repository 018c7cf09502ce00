using Harness.Metrics.Coco;

namespace Harness.Metrics.Families.Streaming;

/// <summary>
/// Feeds the COCO evaluation each frame's truth with the detections the schedule shows it. Only the detections of the
/// frames the schedule may still show (the one processing, the one waiting, the one shown) are kept, each copied into
/// one of three reused buffers: the caller reuses its detection list for the next frame.
/// </summary>
internal sealed class StreamingAccumulator(MetricsOptions options) : FamilyAccumulator
{
    private readonly StreamingSchedule? _schedule = options.Streaming is { } profile ? new StreamingSchedule(profile.LatencyNs) : null;
    private readonly CocoClipAccumulator _coco = new(options.ClassNames);
    private readonly int[] _kept = [-1, -1, -1];
    private readonly List<Detection>[] _buffers = [[], [], []];

    public override void Add(long timestampNs, IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> detections)
    {
        if (_schedule is null)
        {
            return;
        }

        var frame = _schedule.Arrived;
        var shown = _schedule.Arrive(timestampNs);
        for (var k = 0; k < _kept.Length; k++)
        {
            if (_kept[k] != _schedule.Running && _kept[k] != _schedule.Waiting && _kept[k] != shown)
            {
                _kept[k] = -1;
            }
        }

        if (frame == _schedule.Running || frame == _schedule.Waiting)
        {
            var free = Array.IndexOf(_kept, -1);
            _kept[free] = frame;
            _buffers[free].Clear();
            _buffers[free].AddRange(detections);
        }

        _coco.Add(truth, shown < 0 ? [] : _buffers[Array.IndexOf(_kept, shown)]);
    }

    public override void Write(IDictionary<string, double> values, IDictionary<string, CocoPrecisionCurve> curves)
    {
        if (_schedule is null)
        {
            return;
        }

        var result = _coco.Evaluate();
        var pooled = result.Stats.ToNamedValues();
        IReadOnlyDictionary<int, double>[] perClass = [result.PerCategoryAP, result.PerCategoryAP50];
        for (var s = 0; s < StreamingFamily.Stats.Count; s++)
        {
            var name = StreamingFamily.Name(StreamingFamily.Stats[s]);
            AddDefined(values, name, pooled[s].Value);
            for (var c = 0; c < options.ClassNames.Count; c++)
            {
                AddDefined(values, MetricNames.PerClass(name, options.ClassNames[c]), perClass[s][c]);
            }
        }
    }

    private static void AddDefined(IDictionary<string, double> values, string name, double value)
    {
        if (value > -1)
        {
            values[name] = value;
        }
    }
}
