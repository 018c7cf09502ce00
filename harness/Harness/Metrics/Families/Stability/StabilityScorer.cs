using Harness.Metrics.Bootstrap;

namespace Harness.Metrics.Families.Stability;

/// <summary>
/// The stability metrics in every lane: the track walk's counts added to the unit of the truth box each is attributed
/// to, then per lane the unit rows summed with the unit weights (<see cref="UnitRowSums"/>).
/// </summary>
internal sealed class StabilityScorer : IResampleScorer
{
    private readonly ResampleInput _input;
    private readonly int _classes;
    private readonly int _counts = StabilityFamily.Counts;

    /// <summary>Per unit, per class, per <see cref="StabilityCount"/>.</summary>
    private readonly long[] _rows;

    public StabilityScorer(ResampleInput input)
    {
        _input = input;
        _classes = input.ClassNames.Count;
        _rows = new long[input.Units.Count * _classes * _counts];
        var walk = new TrackWalk();
        var events = new List<StabilityEvent>();
        for (var f = 0; f < input.Truth.Count; f++)
        {
            events.Clear();
            walk.Add(input.Truth[f], input.Detections[f], events);
            foreach (var e in events)
            {
                _rows[(((input.Units.TruthUnit(e.Frame, e.Truth) * _classes) + e.ClassId) * _counts) + (int)e.Count] += e.Amount;
            }
        }
    }

    public void Score(MetricSlots slots)
    {
        var lanes = _input.Weights.Lanes;
        var sums = UnitRowSums.Of(_rows, _classes * _counts, _input.Weights);

        // Slots: per root, the pooled value then one per class (StabilityFamily.Names).
        var perRoot = 1 + _classes;
        for (var lane = 0; lane < lanes; lane++)
        {
            var pooled = StabilityFamily.Values(count => Pooled(sums, count, lane, lanes));
            Set(slots, 0, lane, pooled, perRoot);
            for (var c = 0; c < _classes; c++)
            {
                var row = c * _counts;
                Set(slots, 1 + c, lane, StabilityFamily.Values(count => sums[((row + (int)count) * lanes) + lane]), perRoot);
            }
        }

        for (var root = 0; root < StabilityFamily.Supports.Length; root++)
        {
            var count = (int)StabilityFamily.Supports[root];
            long total = 0;
            for (var c = 0; c < _classes; c++)
            {
                var support = (long)sums[(((c * _counts) + count) * lanes) + 0];
                slots.SetSupport((root * perRoot) + 1 + c, support);
                total += support;
            }

            slots.SetSupport(root * perRoot, total);
        }
    }

    private double Pooled(double[] sums, StabilityCount count, int lane, int lanes)
    {
        var total = 0.0;
        for (var c = 0; c < _classes; c++)
        {
            total += sums[((((c * _counts) + (int)count)) * lanes) + lane];
        }

        return total;
    }

    private static void Set(MetricSlots slots, int offset, int lane, (double Flicker, double ClassSwitches, double Jitter, double FramesToDetect) values, int perRoot)
    {
        slots.Values(offset)[lane] = values.Flicker;
        slots.Values(perRoot + offset)[lane] = values.ClassSwitches;
        slots.Values((2 * perRoot) + offset)[lane] = values.Jitter;
        slots.Values((3 * perRoot) + offset)[lane] = values.FramesToDetect;
    }
}
