using System.Globalization;
using Harness.Metrics;
using Harness.Scenarios;

namespace Harness.Gate;

/// <summary>
/// Compares a run with its baseline and the scenario's gates, on evidence: each metric's change with its paired
/// bootstrap interval (see docs/gating.md), object flips, and whether an unchanged pipeline reproduced its detections.
/// </summary>
internal static class GateEvaluator
{
    public static BaselineSnapshot Snapshot(GateSubject subject, ScenarioResult result)
    {
        var gated = subject.Gates.Select(g => g.Metric).ToHashSet(StringComparer.Ordinal);
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in result.Metrics.Where(m => !MetricNames.IsTiming(m.Key) || gated.Contains(m.Key)))
        {
            metrics[name] = SignificantDigits.Round(value);
        }

        return new BaselineSnapshot(subject.BaselineId, result.ClipSha256, result.ModelSha256, result.DetectionsSha256, result.Frames, metrics)
        {
            Detections = result.ScoredFrames.Count > 0
                ? new DetectionSnapshot([.. result.ScoredFrames.Select(f => new SnapshotFrame(f.Index, f.Detections))])
                : null,
            Provenance = result.Provenance,
            SettingsSha256 = result.SettingsSha256,
        };
    }

    /// <summary>
    /// Judges every metric the run, the baseline or a gate names (timing metrics only where a gate names them). A
    /// gated metric fails when its whole interval lies beyond the allowance, warns when only the point estimate does;
    /// a metric no gate names is judged by its family's rule in <paramref name="defaults"/> and warns; a metric over
    /// fewer objects than the minimum support never gates. Absolute <c>min</c>/<c>max</c> bounds are hard limits.
    /// </summary>
    public static ScenarioVerdict Evaluate(GateSubject subject, BaselineSnapshot measured, BaselineSnapshot? baseline, GateEvidence evidence,
        GateDefaults defaults, GatePolicy policy)
    {
        var names = new SortedSet<string>(measured.Metrics.Keys, StringComparer.Ordinal);
        names.UnionWith(subject.Gates.Select(g => g.Metric));
        if (baseline is not null)
        {
            names.UnionWith(baseline.Metrics.Keys.Where(k => !MetricNames.IsTiming(k)));
        }

        var verdicts = names.Select(name => EvaluateMetric(name, subject, measured, baseline, evidence, defaults, policy)).ToList();
        var notes = Notes(measured, baseline);
        notes.AddRange(evidence.Notes);
        return new ScenarioVerdict(subject.ScenarioId, verdicts, notes, baseline is null, policy.IsCi)
        {
            Agreement = evidence.Agreement,
            Flips = evidence.Flips,
            Strict = policy.Strict,
        };
    }

    private static MetricVerdict EvaluateMetric(string name, GateSubject subject, BaselineSnapshot measured, BaselineSnapshot? baseline,
        GateEvidence evidence, GateDefaults defaults, GatePolicy policy)
    {
        var rules = subject.Gates.Where(g => g.Metric == name).ToList();
        var applicable = rules.Where(g => g.When == RunKind.Always || g.When == policy.Run).ToList();
        double? measuredValue = measured.Metrics.TryGetValue(name, out var m) ? m : null;
        double? baselineValue = baseline is not null && baseline.Metrics.TryGetValue(name, out var b) ? b : null;
        if (rules.Count > 0 && applicable.Count == 0)
        {
            return new MetricVerdict(name, baselineValue, measuredValue, "gated on " + string.Join("/", rules.Select(r => r.When.Name())), MetricOutcome.Skipped);
        }

        var gated = applicable.Count > 0;
        var family = gated ? null : defaults.FamilyOf(name);
        var tolerance = gated ? applicable.Select(g => g.AllowedChange).FirstOrDefault(t => t is not null) : family?.MaxChange;
        var blocking = gated || family?.Fails == true;
        var allowed = Describe(applicable, tolerance, name, blocking);
        evidence.Intervals.TryGetValue(name, out var interval);
        var row = new MetricVerdict(name, baselineValue, measuredValue, allowed, MetricOutcome.Pass)
        {
            Blocking = blocking,
            Support = interval?.Support,
            Allowance = baselineValue is { } before ? tolerance?.AbsoluteFor(before) : null,
        };

        if (measuredValue is not { } value)
        {
            return row with { Outcome = MetricOutcome.Error };
        }

        // The interval is of the re-scored difference; it is centred on the difference of the reported values, so a
        // baseline whose stored metrics disagree with its own detections (a hand edit) moves the interval with it.
        var change = value - (baselineValue ?? value);
        var spread = interval is { HasSpread: true };
        var shift = spread ? change - (interval!.Current - interval.Baseline) : 0;
        var low = spread ? interval!.Low + shift : change;
        var high = spread ? interval!.High + shift : change;
        if (spread && baselineValue is not null)
        {
            row = row with { Low = low, High = high };
        }

        if (applicable.Any(g => value < g.Min || value > g.Max))
        {
            return row with { Outcome = MetricOutcome.Regressed, Blocking = true };
        }

        if (baselineValue is not { } reference)
        {
            return row with { Outcome = MetricOutcome.Missing };
        }

        // A verified baseline whose stored value its own detections no longer score to was edited by hand (or the
        // scoring changed): it cannot vouch for anything until it is accepted again.
        if (interval is not null && SignificantDigits.Round(interval.Baseline) != reference)
        {
            return row with
            {
                Outcome = MetricOutcome.Regressed,
                Blocking = true,
                Allowed = $"baseline's detections score {SignificantDigits.Round(interval.Baseline).ToString("0.######", CultureInfo.InvariantCulture)}, not the stored value",
            };
        }

        var minSupport = family?.MinSupport ?? defaults.MinSupport;
        if (interval is not null && interval.Support < minSupport)
        {
            return row with { Outcome = MetricOutcome.LowSupport, Blocking = false };
        }

        var limit = (tolerance?.AbsoluteFor(reference) ?? 0) + ComparisonSlack(reference);
        var higherIsBetter = MetricNames.HigherIsBetter(name);
        var worseningPoint = higherIsBetter ? -change : change;
        var worseningLeast = higherIsBetter ? -high : low;
        var worseningMost = higherIsBetter ? -low : high;
        var outcome = worseningLeast > limit ? MetricOutcome.Regressed
            : worseningPoint > limit ? MetricOutcome.PossibleRegression
            : -worseningMost > limit ? MetricOutcome.Improved
            : MetricOutcome.Pass;
        return row with { Outcome = outcome };
    }

    /// <summary>Both sides are rounded to the same significant digits; only differences beyond that count.</summary>
    private static double ComparisonSlack(double reference) =>
        Math.Max(Math.Abs(reference), 1e-12) * Math.Pow(10, -SignificantDigits.Baseline) / 2;

    private static string Describe(IReadOnlyList<GateRule> rules, Tolerance? tolerance, string name, bool blocking)
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
        parts.Add(tolerance is { } t ? direction + t : "no change");
        var text = string.Join(", ", parts);
        return blocking ? text : text + " (ungated: warns)";
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
