using System.Globalization;
using Harness.Metrics;
using Harness.Metrics.Families;
using Harness.Metrics.Families.Streaming;

namespace Harness.Scenarios;

/// <summary>
/// The gates: which metric, its absolute bounds, and the change it may make against the baseline; and the least
/// support (<c>min_support</c>) a gated metric needs.
/// </summary>
internal sealed class GatesSectionBuilder
{
    private readonly List<GateDraft> _gates = [];

    public int? MinSupport { get; set; }

    public void Add(string? metric, double? min, double? max, Tolerance? maxDrop, Tolerance? maxIncrease, RunKind when, DecisionRule decide) =>
        _gates.Add(new GateDraft(metric, min, max, maxDrop, maxIncrease, when, decide));

    /// <summary>One rule per gate, null where the gate has a problem.</summary>
    /// <param name="classes">The evaluation classes a per-class metric may name; null when the model section has problems.</param>
    /// <param name="streaming">Whether the scenario declares a streaming section, without which no streaming metric exists to gate.</param>
    public List<GateRule?> Build(IReadOnlyList<string>? classes, bool streaming, FieldProblems problems)
    {
        var gates = _gates.Select((gate, index) => BuildGate(gate, $"gates[{index}]", classes, streaming, problems)).ToList();
        if (MinSupport < 0)
        {
            problems.Add("min_support", "must be 0 or more");
        }

        return gates;
    }

    private static GateRule? BuildGate(GateDraft gate, string field, IReadOnlyList<string>? classes, bool streaming, FieldProblems problems)
    {
        var before = problems.Count;
        var metric = gate.Metric;
        if (string.IsNullOrEmpty(metric))
        {
            problems.Add($"{field}.metric", "is required");
        }
        else if (MetricNameCheck.Problem(metric, classes) is { } problem)
        {
            problems.Add($"{field}.metric", problem);
            metric = null;
        }
        else if (!streaming && MetricFamilies.Of(metric) is StreamingFamily)
        {
            problems.Add($"{field}.metric", $"'{metric}' is measured only on a target the scenario declares (streaming: {{ latency_ms: N }})");
            metric = null;
        }

        if (gate.Min is null && gate.Max is null && gate.MaxDrop is null && gate.MaxIncrease is null)
        {
            problems.Add($"{field}.metric", "a gate needs at least one of min, max, max_drop, max_increase");
        }

        if (gate.Decide != DecisionRule.SureRegression && gate.MaxDrop is null && gate.MaxIncrease is null)
        {
            problems.Add($"{field}.decide", "needs an allowed change (max_drop or max_increase) to decide on");
        }

        if (gate.Min is { } min && gate.Max is { } max && min > max)
        {
            problems.Add($"{field}.min", string.Create(CultureInfo.InvariantCulture, $"min {min} is greater than max {max}"));
        }

        if (!string.IsNullOrEmpty(metric))
        {
            foreach (var wrong in AllowedChangeKeys.Problems(metric, gate.MaxDrop is not null, gate.MaxIncrease is not null))
            {
                problems.Add($"{field}.{wrong.Field}", wrong.Message);
            }
        }

        return problems.Count > before || metric is null ? null : new GateRule(metric, gate.Min, gate.Max, gate.MaxDrop ?? gate.MaxIncrease, gate.When, gate.Decide);
    }

    private sealed record GateDraft(string? Metric, double? Min, double? Max, Tolerance? MaxDrop, Tolerance? MaxIncrease, RunKind When, DecisionRule Decide);
}
