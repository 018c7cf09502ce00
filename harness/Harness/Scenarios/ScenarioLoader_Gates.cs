using Harness.Metrics;

namespace Harness.Scenarios;

/// <summary>A scenario's <c>gates</c>: metric names checked against what a run produces, bounds and allowances.</summary>
public static partial class ScenarioLoader
{
    /// <param name="classes">The model's classes, or null when the model section could not be read.</param>
    private static GateRule? ReadGate(YamlMappingReader gate, IReadOnlyList<string>? classes)
    {
        var metric = gate.String("metric", required: true);
        if (metric is not null && MetricNameCheck.Problem(metric, classes) is { } problem)
        {
            gate.Error("metric", problem);
            metric = null;
        }

        var min = gate.Number("min");
        var max = gate.Number("max");
        var drop = gate.Tolerance("max_drop");
        var increase = gate.Tolerance("max_increase");
        var when = gate.Choice("when", RunKindNames.Words) ?? RunKind.Always;
        if (min is null && max is null && drop is null && increase is null)
        {
            gate.Error("metric", "a gate needs at least one of min, max, max_drop, max_increase");
        }

        if (min is not null && max is not null && min > max)
        {
            gate.Error("min", $"min {min} is greater than max {max}");
        }

        if (metric is not null)
        {
            var higherIsBetter = MetricNames.HigherIsBetter(metric);
            if (drop is not null && !higherIsBetter)
            {
                gate.Error("max_drop", $"'{metric}' is lower-is-better: use max_increase");
            }

            if (increase is not null && higherIsBetter)
            {
                gate.Error("max_increase", $"'{metric}' is higher-is-better: use max_drop");
            }
        }

        gate.RejectUnknownKeys();
        return metric is null ? null : new GateRule(metric, min, max, drop ?? increase, when);
    }
}
