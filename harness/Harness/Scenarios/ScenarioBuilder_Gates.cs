using Harness.Metrics;

namespace Harness.Scenarios;

/// <summary>The gates: which metric, its absolute bounds, and the change it may make against the baseline.</summary>
public sealed partial class ScenarioBuilder
{
    private readonly List<GateDraft> _gates = [];
    private int? _minSupport;

    /// <summary>
    /// A gate on one metric: absolute bounds, and the allowed move against the baseline in the metric's worse
    /// direction (<paramref name="maxDrop"/> for higher-is-better metrics, <paramref name="maxIncrease"/> otherwise).
    /// </summary>
    public ScenarioBuilder WithGate(string? metric, double? min = null, double? max = null, Tolerance? maxDrop = null, Tolerance? maxIncrease = null,
        RunKind when = RunKind.Always, DecisionRule decide = DecisionRule.SureRegression)
    {
        _gates.Add(new GateDraft(metric, min, max, maxDrop, maxIncrease, when, decide));
        return this;
    }

    /// <summary>
    /// The fewest truth objects (or, for <c>fp_per_frame</c>, frames) a gated metric may be computed over; below it the
    /// gate cannot be resolved and the scenario is an error. Without it the suite's <c>min_support</c> applies.
    /// </summary>
    public ScenarioBuilder WithMinSupport(int? minSupport)
    {
        _minSupport = minSupport;
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

        if (gate.Decide != DecisionRule.SureRegression && gate.MaxDrop is null && gate.MaxIncrease is null)
        {
            Problem($"{field}.decide", "needs an allowed change (max_drop or max_increase) to decide on");
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

        return _problems.Count > before || metric is null ? null : new GateRule(metric, gate.Min, gate.Max, gate.MaxDrop ?? gate.MaxIncrease, gate.When, gate.Decide);
    }

    private void CheckMinSupport()
    {
        if (_minSupport < 0)
        {
            Problem("min_support", "must be 0 or more");
        }
    }

    private sealed record GateDraft(string? Metric, double? Min, double? Max, Tolerance? MaxDrop, Tolerance? MaxIncrease, RunKind When, DecisionRule Decide);
}
