namespace Harness.Metrics.Bootstrap;

/// <summary>
/// The operating-point metrics in every lane: per-frame counts (<see cref="OperatingPointFrames"/>) summed with the
/// frame weights, then the rates with OperatingPointAccumulator's formulas on the same integer counts.
/// </summary>
internal sealed class OperatingPointResampleScorer(OperatingPointFrames frames, FrameWeights weights, bool vectorized)
{
    private readonly int _width = Math.Min(CocoResampleScorer.ChunkLanes, weights.Lanes);

    public void Score(MetricSamples samples)
    {
        var counts = new float[frames.Width * _width];
        for (var start = 0; start < weights.Lanes; start += _width)
        {
            var lanes = Math.Min(_width, weights.Lanes - start);
            Array.Clear(counts);
            for (var i = 0; i < frames.Frames; i++)
            {
                var row = frames.Row(i);
                var frameWeights = weights.Row(i, start, lanes);
                for (var m = 0; m < row.Length; m++)
                {
                    if (row[m] != 0)
                    {
                        WeightKernels.MultiplyAdd(counts.AsSpan(m * _width, lanes), frameWeights, row[m], vectorized);
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
        for (var c = 0; c < frames.Classes; c++)
        {
            var classTp = Count(counts, c, OperatingPointFrames.TruePositive, lane);
            var classFp = Count(counts, c, OperatingPointFrames.FalsePositive, lane);
            var classFn = Count(counts, c, OperatingPointFrames.FalseNegative, lane);
            tp += classTp;
            fp += classFp;
            fn += classFn;
            WriteRates(samples, layout.ClassRate(c, 0), target, classTp, classFp, classFn);
            for (var s = 0; s < TruthSlices.Count; s++)
            {
                var truths = Count(counts, c, OperatingPointFrames.SliceTruths + s, lane);
                samples.Values(layout.Slice(c, s))[target] =
                    truths > 0 ? (double)Count(counts, c, OperatingPointFrames.SliceHits + s, lane) / truths : double.NaN;
            }
        }

        WriteRates(samples, layout.PooledRate(0), target, tp, fp, fn);
        samples.Values(layout.FalsePositivesPerFrame)[target] = frames.Frames > 0 ? (double)fp / frames.Frames : double.NaN;
    }

    private long Count(float[] counts, int c, int field, int lane) => (long)counts[(((c * OperatingPointFrames.PerClass) + field) * _width) + lane];

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
        for (var c = 0; c < frames.Classes; c++)
        {
            long truths = 0;
            var sliceTruths = new long[TruthSlices.Count];
            for (var i = 0; i < frames.Frames; i++)
            {
                var row = frames.Row(i).Slice(c * OperatingPointFrames.PerClass, OperatingPointFrames.PerClass);
                truths += row[OperatingPointFrames.TruePositive] + row[OperatingPointFrames.FalseNegative];
                for (var s = 0; s < TruthSlices.Count; s++)
                {
                    sliceTruths[s] += row[OperatingPointFrames.SliceTruths + s];
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

        samples.SetSupport(layout.FalsePositivesPerFrame, frames.Frames);
    }
}
