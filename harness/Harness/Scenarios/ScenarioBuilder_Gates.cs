using Harness.Metrics;

namespace Harness.Scenarios;

/// <summary>The gates: which metric, its absolute bounds, and the change it may make against the baseline.</summary>
public sealed partial class ScenarioBuilder
{
    private readonly List<GateDraft> _gates = [];

    /// <summary>
    /// A gate on one metric: absolute bounds, and the allowed move against the baseline in the metric's worse
    /// direction (<paramref name="maxDrop"/> for higher-is-better metrics, <paramref name="maxIncrease"/> otherwise).
    /// </summary>
    public ScenarioBuilder WithGate(string? metric, double? min = null, double? max = null, Tolerance? maxDrop = null, Tolerance? maxIncrease = null,
        RunKind when = RunKind.Always)
    {
        _gates.Add(new GateDraft(metric, min, max, maxDrop, maxIncrease, when));
        return this;
    }

    private GateRule? BuildGate(GateDraft gate, string field, IReadOnlyList<string>? classes)
    {
        var before = _problems.Count;
        var metric = gate.Metric;
        if (string.IsNullOrEmpty(metric))
        {
            Problem($"{field}.metric", "is required");
        }
        else if (MetricNameCheck.Problem(metric, classes) is { } problem)
        {
            Problem($"{field}.metric", problem);
            metric = null;
        }

        if (gate.Min is null && gate.Max is null && gate.MaxDrop is null && gate.MaxIncrease is null)
        {
            Problem($"{field}.metric", "a gate needs at least one of min, max, max_drop, max_increase");
        }

        if (gate.Min is { } min && gate.Max is { } max && min > max)
        {
            Problem($"{field}.min", $"min {Number(min)} is greater than max {Number(max)}");
        }

        if (!string.IsNullOrEmpty(metric))
        {
            var higherIsBetter = MetricNames.HigherIsBetter(metric);
            if (gate.MaxDrop is not null && !higherIsBetter)
            {
                Problem($"{field}.max_drop", $"'{metric}' is lower-is-better: use max_increase");
            }

            if (gate.MaxIncrease is not null && higherIsBetter)
            {
                Problem($"{field}.max_increase", $"'{metric}' is higher-is-better: use max_drop");
            }
        }

        return _problems.Count > before || metric is null ? null : new GateRule(metric, gate.Min, gate.Max, gate.MaxDrop ?? gate.MaxIncrease, gate.When);
    }

    private sealed record GateDraft(string? Metric, double? Min, double? Max, Tolerance? MaxDrop, Tolerance? MaxIncrease, RunKind When);
}
