using Harness.Metrics.Families;

namespace Harness.Metrics.Bootstrap;

/// <summary>
/// The operating point's rates and false positives per frame in every lane: per-unit counts
/// (<see cref="OperatingPointUnits"/>) summed with the unit weights, then the accumulator's formulas
/// (<see cref="OperatingPointFamily.RateValues"/>) on the same integer counts.
/// </summary>
internal sealed class OperatingPointResampleScorer(OperatingPointUnits units, UnitWeights weights, bool vectorized) : IResampleScorer
{
    private static readonly Range Fields = OperatingPointCounts.TruePositive..OperatingPointCounts.SliceTruths;
    private const int PerClass = OperatingPointFamily.Rates;

    public void Score(MetricSlots slots)
    {
        units.SumByChunk(weights, Fields, vectorized, (counts, width, start, lanes) =>
        {
            for (var lane = 0; lane < lanes; lane++)
            {
                Write(slots, counts, width, lane, start + lane);
            }
        });
        WriteSupport(slots);
    }

    private void Write(MetricSlots slots, float[] counts, int width, int lane, int target)
    {
        long tp = 0, fp = 0, fn = 0;
        for (var c = 0; c < units.Classes; c++)
        {
            var classTp = Count(counts, width, c, OperatingPointCounts.TruePositive, lane);
            var classFp = Count(counts, width, c, OperatingPointCounts.FalsePositive, lane);
            var classFn = Count(counts, width, c, OperatingPointCounts.FalseNegative, lane);
            tp += classTp;
            fp += classFp;
            fn += classFn;
            WriteRates(slots, OperatingPointFamily.ClassRate(c, 0), target, classTp, classFp, classFn);
        }

        WriteRates(slots, OperatingPointFamily.PooledRate(0), target, tp, fp, fn);
        slots.Values(OperatingPointFamily.FalsePositivesPerFrame(units.Classes))[target] = units.Frames > 0 ? (double)fp / units.Frames : double.NaN;
    }

    private static long Count(float[] counts, int width, int c, int field, int lane) => (long)counts[(((c * PerClass) + field) * width) + lane];

    private static void WriteRates(MetricSlots slots, int first, int lane, long tp, long fp, long fn)
    {
        var (precision, recall, f1) = OperatingPointFamily.RateValues(tp, fp, fn);
        slots.Values(first)[lane] = precision;
        slots.Values(first + 1)[lane] = recall;
        slots.Values(first + 2)[lane] = f1;
    }

    /// <summary>Support of a rate is the truths it is measured on (TP + FN), of fp_per_frame the frames.</summary>
    private void WriteSupport(MetricSlots slots)
    {
        long all = 0;
        for (var c = 0; c < units.Classes; c++)
        {
            long truths = 0;
            for (var u = 0; u < units.Units; u++)
            {
                var row = units.Row(u).Slice(c * OperatingPointCounts.PerClass, OperatingPointCounts.PerClass);
                truths += row[OperatingPointCounts.TruePositive] + row[OperatingPointCounts.FalseNegative];
            }

            for (var rate = 0; rate < PerClass; rate++)
            {
                slots.SetSupport(OperatingPointFamily.ClassRate(c, rate), truths);
            }

            all += truths;
        }

        for (var rate = 0; rate < PerClass; rate++)
        {
            slots.SetSupport(OperatingPointFamily.PooledRate(rate), all);
        }

        slots.SetSupport(OperatingPointFamily.FalsePositivesPerFrame(units.Classes), units.Frames);
    }
}
