using Harness.Metrics.Coco;
using Harness.Metrics.Families;

namespace Harness.Metrics;

/// <summary>
/// Per-stage latency samples after the first <c>warmupFrames</c>, reported as nearest-rank p50/p90/p99 in
/// milliseconds. Storage grows by four doubles per frame.
/// </summary>
internal sealed class LatencyAccumulator(int warmupFrames) : FamilyAccumulator
{
    private readonly List<double>[] _stages = [[], [], [], []];
    private int _seen;

    public override void AddTimings(StageTimings timings)
    {
        if (_seen++ < warmupFrames)
        {
            return;
        }

        _stages[0].Add(timings.Preprocess.TotalMilliseconds);
        _stages[1].Add(timings.Inference.TotalMilliseconds);
        _stages[2].Add(timings.Postprocess.TotalMilliseconds);
        _stages[3].Add(timings.Total.TotalMilliseconds);
    }

    public override void Write(IDictionary<string, double> values, IDictionary<string, CocoPrecisionCurve> curves)
    {
        if (_stages[3].Count == 0)
        {
            return;
        }

        for (var s = 0; s < _stages.Length; s++)
        {
            var sorted = _stages[s].ToArray();
            Array.Sort(sorted);
            foreach (var percent in MetricNames.LatencyPercentiles)
            {
                values[MetricNames.Latency(MetricNames.LatencyStages[s], percent)] = Percentile.NearestRank(sorted, percent);
            }
        }

        values[MetricNames.LatencyP99] = values[MetricNames.Latency("total", 99)];
    }
}
