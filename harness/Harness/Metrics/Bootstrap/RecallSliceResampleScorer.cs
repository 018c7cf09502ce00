using Harness.Metrics.Families;

namespace Harness.Metrics.Bootstrap;

/// <summary>
/// The recall slices in every lane: each slice's truths and hits per unit (<see cref="OperatingPointUnits"/>) summed
/// with the unit weights, hits over truths where the lane drew any.
/// </summary>
internal sealed class RecallSliceResampleScorer(OperatingPointUnits units, UnitWeights weights, bool vectorized) : IResampleScorer
{
    private static readonly Range Fields = OperatingPointCounts.SliceTruths..OperatingPointCounts.PerClass;
    private const int PerClass = 2 * TruthSlices.Count;

    public void Score(MetricSlots slots)
    {
        units.SumByChunk(weights, Fields, vectorized, (counts, width, start, lanes) =>
        {
            for (var c = 0; c < units.Classes; c++)
            {
                for (var s = 0; s < TruthSlices.Count; s++)
                {
                    var truths = counts.AsSpan(((c * PerClass) + s) * width, lanes);
                    var hits = counts.AsSpan(((c * PerClass) + TruthSlices.Count + s) * width, lanes);
                    var values = slots.Values(RecallSlicesFamily.Slot(c, s)).Slice(start, lanes);
                    for (var lane = 0; lane < lanes; lane++)
                    {
                        values[lane] = truths[lane] > 0 ? (double)(long)hits[lane] / (long)truths[lane] : double.NaN;
                    }
                }
            }
        });

        for (var c = 0; c < units.Classes; c++)
        {
            for (var s = 0; s < TruthSlices.Count; s++)
            {
                long truths = 0;
                for (var u = 0; u < units.Units; u++)
                {
                    truths += units.Row(u)[(c * OperatingPointCounts.PerClass) + OperatingPointCounts.SliceTruths + s];
                }

                slots.SetSupport(RecallSlicesFamily.Slot(c, s), truths);
            }
        }
    }
}
