namespace Harness.Metrics;

/// <summary>
/// Per-stage latency samples after the first <c>warmupFrames</c>, reported as nearest-rank p50/p90/p99 in
/// milliseconds plus throughput. Storage grows by four doubles per frame.
/// </summary>
internal sealed class LatencyAccumulator(int warmupFrames)
{
    private readonly List<double>[] _stages = [[], [], [], []];
    private int _seen;

    public void Add(StageTimings timings)
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

    public void Write(IDictionary<string, double> values)
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

        var total = _stages[3];
        values[MetricNames.LatencyP99] = values[MetricNames.Latency("total", 99)];
        var totalMs = 0.0;
        foreach (var ms in total)
        {
            totalMs += ms;
        }

        if (totalMs > 0)
        {
            values[MetricNames.ThroughputFps] = total.Count / (totalMs / 1000);
        }
    }
}
