using System.Globalization;
using Harness.Metrics.Bootstrap;

namespace Harness.Metrics.Families;

/// <summary>
/// Per-stage latency percentiles (<c>latency/&lt;stage&gt;/p&lt;percentile&gt;_ms</c>) and <c>latency/p99_ms</c>, the
/// total's p99, after the warm-up frames (<see cref="LatencyAccumulator"/>). Timing: it measures the machine.
/// </summary>
internal sealed class LatencyFamily : MetricFamily
{
    private const string Root = "latency";

    public override IReadOnlyList<string> Roots { get; } = [Root];

    public override bool IsTiming => true;

    public override string Unit(string metric) => "ms";

    public override bool HigherIsBetter(string metric) => false;

    public override (double Min, double Max) Range(string metric) => (0, double.PositiveInfinity);

    public override IEnumerable<string> Names(IReadOnlyList<string> classNames) =>
    [
        MetricNames.LatencyP99,
        .. MetricNames.LatencyStages.SelectMany(stage => MetricNames.LatencyPercentiles.Select(p => MetricNames.Latency(stage, p))),
    ];

    public override string? Problem(string metric, IReadOnlyList<string> parts, IReadOnlyList<string>? classNames)
    {
        var forms = $"{MetricNames.LatencyP99}, latency/<stage>/p<percentile>_ms";
        if (parts.Count == 2)
        {
            return parts[1] == MetricNames.LatencyP99[(Root.Length + 1)..] ? null : MetricNameCheck.Form(metric, forms);
        }

        if (parts.Count != 3)
        {
            return MetricNameCheck.Form(metric, forms);
        }

        if (!MetricNames.LatencyStages.Contains(parts[1], StringComparer.Ordinal))
        {
            return MetricNameCheck.Unknown("latency stage", parts[1], metric, MetricNames.LatencyStages);
        }

        var percentiles = MetricNames.LatencyPercentiles.Select(p => string.Create(CultureInfo.InvariantCulture, $"p{p}_ms")).ToList();
        return percentiles.Contains(parts[2], StringComparer.Ordinal) ? null : MetricNameCheck.Unknown("latency percentile", parts[2], metric, percentiles);
    }

    public override FamilyAccumulator CreateAccumulator(MetricsOptions options) => new LatencyAccumulator(options.LatencyWarmupFrames);

    public override IResampleScorer? CreateScorer(ResampleInput input) => null;
}
