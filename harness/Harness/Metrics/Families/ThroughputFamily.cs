using Harness.Metrics.Bootstrap;
using Harness.Metrics.Coco;

namespace Harness.Metrics.Families;

/// <summary>
/// <c>throughput/fps</c>: frames per second over the frames after the warm-up, their count over the sum of their total
/// latency. Timing: it measures the machine.
/// </summary>
internal sealed class ThroughputFamily : MetricFamily
{
    public override IReadOnlyList<string> Roots { get; } = ["throughput"];

    public override bool IsTiming => true;

    public override string Unit(string metric) => "frames per second";

    public override (double Min, double Max) Range(string metric) => (0, double.PositiveInfinity);

    public override IEnumerable<string> Names(IReadOnlyList<string> classNames) => [MetricNames.ThroughputFps];

    public override string? Problem(string metric, IReadOnlyList<string> parts, IReadOnlyList<string>? classNames) =>
        MetricNameCheck.Exactly(metric, MetricNames.ThroughputFps);

    public override FamilyAccumulator CreateAccumulator(MetricsOptions options) => new Accumulator(options.LatencyWarmupFrames);

    public override IResampleScorer? CreateScorer(ResampleInput input) => null;

    private sealed class Accumulator(int warmupFrames) : FamilyAccumulator
    {
        private int _seen;
        private int _measured;
        private double _totalMs;

        public override void AddTimings(StageTimings timings)
        {
            if (_seen++ < warmupFrames)
            {
                return;
            }

            _measured++;
            _totalMs += timings.Total.TotalMilliseconds;
        }

        public override void Write(IDictionary<string, double> values, IDictionary<string, CocoPrecisionCurve> curves)
        {
            if (_totalMs > 0)
            {
                values[MetricNames.ThroughputFps] = _measured / (_totalMs / 1000);
            }
        }
    }
}
