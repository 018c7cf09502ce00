using System.Numerics.Tensors;
using Harness.Metrics.Bootstrap;

namespace Harness.Metrics.Families.MatchedIou;

/// <summary>
/// The matched IoU in every lane: each match's quantized IoU and a count of one added to the unit of its truth, then
/// per lane the unit rows summed with the unit weights. Sums stay integers below 2^53, exact in doubles.
/// </summary>
internal sealed class MatchedIouScorer : IResampleScorer
{
    private readonly ResampleInput _input;
    private readonly int _classes;

    /// <summary>Per unit, per class: the IoU sum, then the count.</summary>
    private readonly long[] _rows;

    public MatchedIouScorer(ResampleInput input)
    {
        _input = input;
        _classes = input.ClassNames.Count;
        _rows = new long[input.Units.Count * _classes * 2];
        var matcher = new OperatingPointMatcher();
        for (var f = 0; f < input.Truth.Count; f++)
        {
            var truth = input.Truth[f];
            var detections = input.Detections[f];
            matcher.Match(truth, detections);
            var matchedBy = matcher.MatchedBy;
            for (var t = 0; t < matchedBy.Length; t++)
            {
                if (matchedBy[t] >= 0)
                {
                    var cell = ((input.Units.TruthUnit(f, t) * _classes) + truth[t].ClassId) * 2;
                    _rows[cell] += MatchedIouFamily.Quantize(PixelOverlap.Iou(detections[matchedBy[t]], truth[t]));
                    _rows[cell + 1]++;
                }
            }
        }
    }

    public void Score(MetricSlots slots)
    {
        var lanes = _input.Weights.Lanes;
        var sums = UnitRowSums.Of(_rows, _classes * 2, _input.Weights);

        var pooledSum = new double[lanes];
        var pooledCount = new double[lanes];
        for (var c = 0; c < _classes; c++)
        {
            var sum = sums.AsSpan(c * 2 * lanes, lanes);
            var count = sums.AsSpan(((c * 2) + 1) * lanes, lanes);
            Write(slots.Values(1 + c), sum, count);
            TensorPrimitives.Add(pooledSum, sum, pooledSum);
            TensorPrimitives.Add(pooledCount, count, pooledCount);
            slots.SetSupport(1 + c, (long)count[0]);
        }

        Write(slots.Values(0), pooledSum, pooledCount);
        slots.SetSupport(0, (long)pooledCount[0]);
    }

    private static void Write(Span<double> values, ReadOnlySpan<double> sum, ReadOnlySpan<double> count)
    {
        for (var lane = 0; lane < values.Length; lane++)
        {
            values[lane] = MatchedIouFamily.Mean(sum[lane], count[lane]);
        }
    }
}
