using System.Globalization;
using Harness.Metrics;
using Harness.Running;
using Harness.Scenarios;

namespace Harness.Gate;

/// <summary>
/// Compares a run with its baseline and the scenario's gates. Every deterministic metric is compared, exact to the
/// baseline's precision unless a gate allows a change; timing metrics only where a gate names them.
/// </summary>
public static class GateEvaluator
{
    public static BaselineSnapshot Snapshot(Scenario scenario, ScenarioResult result)
    {
        var gated = scenario.Gates.Select(g => g.Metric).ToHashSet(StringComparer.Ordinal);
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in result.Metrics.Where(m => !MetricNames.IsTiming(m.Key) || gated.Contains(m.Key)))
        {
            metrics[name] = SignificantDigits.Round(value);
        }

        return new BaselineSnapshot(scenario.EffectiveBaselineId, result.ClipSha256, result.ModelSha256, result.DetectionsSha256, result.Frames, metrics)
        {
            Detections = result.ScoredFrames.Count > 0
                ? new DetectionSnapshot([.. result.ScoredFrames.Select(f => new SnapshotFrame(f.Index, f.Detections))])
                : null,
            Provenance = result.Provenance,
            SettingsSha256 = result.SettingsSha256,
        };
    }

    public static ScenarioVerdict Evaluate(Scenario scenario, BaselineSnapshot measured, BaselineSnapshot? baseline, GatePolicy policy)
    {
        var names = new SortedSet<string>(measured.Metrics.Keys, StringComparer.Ordinal);
        names.UnionWith(scenario.Gates.Select(g => g.Metric));
        if (baseline is not null)
        {
            names.UnionWith(baseline.Metrics.Keys.Where(k => !MetricNames.IsTiming(k)));
        }

        var verdicts = names.Select(name => EvaluateMetric(name, scenario, measured, baseline, policy)).ToList();
        return new ScenarioVerdict(scenario.Id, verdicts, Notes(measured, baseline), baseline is null, policy.IsCi);
    }

    private static MetricVerdict EvaluateMetric(string name, Scenario scenario, BaselineSnapshot measured, BaselineSnapshot? baseline, GatePolicy policy)
    {
        var rules = scenario.Gates.Where(g => g.Metric == name).ToList();
        var applicable = rules.Where(g => g.When == RunKind.Always || g.When == policy.Run).ToList();
        double? measuredValue = measured.Metrics.TryGetValue(name, out var m) ? m : null;
        double? baselineValue = baseline is not null && baseline.Metrics.TryGetValue(name, out var b) ? b : null;
        var tolerance = applicable.Select(g => g.AllowedChange).FirstOrDefault(t => t is not null);
        var allowed = Describe(applicable, tolerance, name);

        if (rules.Count > 0 && applicable.Count == 0)
        {
            return new MetricVerdict(name, baselineValue, measuredValue, "gated on " + string.Join("/", rules.Select(r => r.When.Name())), MetricOutcome.Skipped);
        }

        if (measuredValue is not { } value)
        {
            return new MetricVerdict(name, baselineValue, null, allowed, MetricOutcome.Error);
        }

        var outsideBounds = applicable.Any(g => value < g.Min || value > g.Max);
        if (outsideBounds)
        {
            return new MetricVerdict(name, baselineValue, value, allowed, MetricOutcome.Regressed);
        }

        if (baselineValue is not { } reference)
        {
            return new MetricVerdict(name, null, value, allowed, MetricOutcome.Missing);
        }

        var limit = (tolerance?.AbsoluteFor(reference) ?? 0) + ComparisonSlack(reference);
        var worsening = MetricNames.HigherIsBetter(name) ? reference - value : value - reference;
        var outcome = worsening > limit ? MetricOutcome.Regressed
            : -worsening > limit ? MetricOutcome.Improved
            : MetricOutcome.Pass;
        return new MetricVerdict(name, reference, value, allowed, outcome);
    }

    /// <summary>Both sides are rounded to the same significant digits; only differences beyond that count.</summary>
    private static double ComparisonSlack(double reference) =>
        Math.Max(Math.Abs(reference), 1e-12) * Math.Pow(10, -SignificantDigits.Baseline) / 2;

    private static string Describe(IReadOnlyList<GateRule> rules, Tolerance? tolerance, string name)
    {
        var parts = new List<string>();
        foreach (var rule in rules)
        {
            if (rule.Min is { } min)
            {
                parts.Add(">= " + min.ToString("0.######", CultureInfo.InvariantCulture));
            }

            if (rule.Max is { } max)
            {
                parts.Add("<= " + max.ToString("0.######", CultureInfo.InvariantCulture));
            }
        }

        var direction = MetricNames.HigherIsBetter(name) ? "-" : "+";
        parts.Add(tolerance is { } t ? direction + t : "exact");
        return string.Join(", ", parts);
    }

    private static List<string> Notes(BaselineSnapshot measured, BaselineSnapshot? baseline)
    {
        var notes = new List<string>();
        if (baseline is null)
        {
            return notes;
        }

        if (baseline.ClipSha256 != measured.ClipSha256)
        {
            notes.Add($"clip changed: {Short(baseline.ClipSha256)} -> {Short(measured.ClipSha256)}");
        }

        if (baseline.ModelSha256 != measured.ModelSha256)
        {
            notes.Add($"model changed: {Short(baseline.ModelSha256)} -> {Short(measured.ModelSha256)}");
        }

        if (baseline.DetectionsSha256 != measured.DetectionsSha256)
        {
            notes.Add($"detections changed: {Short(baseline.DetectionsSha256)} -> {Short(measured.DetectionsSha256)}");
        }

        if (baseline.Frames != measured.Frames)
        {
            notes.Add($"frame count changed: {baseline.Frames} -> {measured.Frames}");
        }

        return notes;
    }

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;
}
