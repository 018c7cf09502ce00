namespace Harness.Metrics.Bootstrap;

/// <summary>
/// The operating-point metrics in every lane: per-unit counts (<see cref="OperatingPointUnits"/>) summed with the
/// unit weights, then the rates with OperatingPointAccumulator's formulas on the same integer counts.
/// </summary>
internal sealed class OperatingPointResampleScorer(OperatingPointUnits units, UnitWeights weights, bool vectorized)
{
    private readonly int _width = Math.Min(CocoResampleScorer.ChunkLanes, weights.Lanes);

    public void Score(MetricSamples samples)
    {
        var counts = new float[units.Width * _width];
        var cellWeights = new float[_width];
        for (var start = 0; start < weights.Lanes; start += _width)
        {
            var lanes = Math.Min(_width, weights.Lanes - start);
            Array.Clear(counts);
            for (var u = 0; u < units.Units; u++)
            {
                var row = units.Row(u);
                var unitWeights = weights.Row(u, start, lanes, cellWeights);
                for (var m = 0; m < row.Length; m++)
                {
                    if (row[m] != 0)
                    {
                        WeightKernels.MultiplyAdd(counts.AsSpan(m * _width, lanes), unitWeights, row[m], vectorized);
                    }
                }
            }

            for (var lane = 0; lane < lanes; lane++)
            {
                Write(samples, counts, lane, start + lane);
            }
        }

        WriteSupport(samples);
    }

    private void Write(MetricSamples samples, float[] counts, int lane, int target)
    {
        var layout = samples.Layout;
        long tp = 0, fp = 0, fn = 0;
        for (var c = 0; c < units.Classes; c++)
        {
            var classTp = Count(counts, c, OperatingPointCounts.TruePositive, lane);
            var classFp = Count(counts, c, OperatingPointCounts.FalsePositive, lane);
            var classFn = Count(counts, c, OperatingPointCounts.FalseNegative, lane);
            tp += classTp;
            fp += classFp;
            fn += classFn;
            WriteRates(samples, layout.ClassRate(c, 0), target, classTp, classFp, classFn);
            for (var s = 0; s < TruthSlices.Count; s++)
            {
                var truths = Count(counts, c, OperatingPointCounts.SliceTruths + s, lane);
                samples.Values(layout.Slice(c, s))[target] =
                    truths > 0 ? (double)Count(counts, c, OperatingPointCounts.SliceHits + s, lane) / truths : double.NaN;
            }
        }

        WriteRates(samples, layout.PooledRate(0), target, tp, fp, fn);
        samples.Values(layout.FalsePositivesPerFrame)[target] = units.Frames > 0 ? (double)fp / units.Frames : double.NaN;
    }

    private long Count(float[] counts, int c, int field, int lane) => (long)counts[(((c * OperatingPointCounts.PerClass) + field) * _width) + lane];

    /// <summary>OperatingPointAccumulator's rates: precision needs a detection, recall a truth, F1 either.</summary>
    private static void WriteRates(MetricSamples samples, int first, int lane, long tp, long fp, long fn)
    {
        samples.Values(first)[lane] = tp + fp > 0 ? (double)tp / (tp + fp) : double.NaN;
        samples.Values(first + 1)[lane] = tp + fn > 0 ? (double)tp / (tp + fn) : double.NaN;
        samples.Values(first + 2)[lane] = tp + fp + fn > 0 ? 2.0 * tp / ((2 * tp) + fp + fn) : double.NaN;
    }

    /// <summary>Support of a rate is the truths it is measured on (TP + FN), of a slice its truths, of fp_per_frame the frames.</summary>
    private void WriteSupport(MetricSamples samples)
    {
        var layout = samples.Layout;
        long all = 0;
        for (var c = 0; c < units.Classes; c++)
        {
            long truths = 0;
            var sliceTruths = new long[TruthSlices.Count];
            for (var u = 0; u < units.Units; u++)
            {
                var row = units.Row(u).Slice(c * OperatingPointCounts.PerClass, OperatingPointCounts.PerClass);
                truths += row[OperatingPointCounts.TruePositive] + row[OperatingPointCounts.FalseNegative];
                for (var s = 0; s < TruthSlices.Count; s++)
                {
                    sliceTruths[s] += row[OperatingPointCounts.SliceTruths + s];
                }
            }

            for (var rate = 0; rate < MetricLayout.Rates; rate++)
            {
                samples.SetSupport(layout.ClassRate(c, rate), truths);
            }

            for (var s = 0; s < TruthSlices.Count; s++)
            {
                samples.SetSupport(layout.Slice(c, s), sliceTruths[s]);
            }

            all += truths;
        }

        for (var rate = 0; rate < MetricLayout.Rates; rate++)
        {
            samples.SetSupport(layout.PooledRate(rate), all);
        }

        samples.SetSupport(layout.FalsePositivesPerFrame, units.Frames);
    }
}
