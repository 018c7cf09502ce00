using System.Globalization;
using Harness.Metrics;
using Harness.Scenarios;

namespace Harness.Gate;

/// <summary>
/// Compares a run with its baseline and the scenario's gates, on evidence: each metric's change with its paired
/// bootstrap interval (see docs/gating.md), object flips, and whether an unchanged pipeline reproduced its detections.
/// The error rates are controlled per scenario: the gated metrics together through Bonferroni-adjusted intervals, the
/// warnings of the metrics no gate names through the false discovery rate.
/// </summary>
internal static class GateEvaluator
{
    /// <summary>The baseline this run becomes when accepted: its rounded metrics (timing ones only where gated), hashes and detections.</summary>
    public static BaselineSnapshot CandidateBaseline(GateSubject subject, ScenarioResult result)
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
            Supports = result.Supports,
        };
    }

    /// <summary>
    /// Judges every metric the run, the baseline or a gate names (timing metrics only where a gate names them). A gated
    /// metric with an allowed change is judged on its interval at the Bonferroni-adjusted level by its gate's
    /// <see cref="DecisionRule"/>; a metric no gate names is judged by its family's rule in <paramref name="defaults"/>,
    /// and warns only when its change beyond the allowance survives the false-discovery-rate control over all of them.
    /// Absolute <c>min</c>/<c>max</c> bounds are hard limits. A gate the clip cannot resolve (too little support, or an
    /// allowance below what the clip resolves: <see cref="GateResolution"/>) makes the scenario an error.
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

        var statistics = defaults.Statistics;
        var gatedConfidence = subject.GatedConfidence(policy.Run, statistics.Confidence);
        var rows = names.Select(name => EvaluateMetric(name, subject, measured, baseline, evidence, defaults, policy, gatedConfidence)).ToList();
        var (judged, family) = ControlFalseDiscoveries(rows, statistics, subject);
        var notes = Notes(measured, baseline);
        notes.AddRange(evidence.Notes);
        if (family > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"ungated metrics judged as one family of {family} at a {statistics.FalseDiscoveryRate:0.##%} false discovery rate ({ProcedureName(statistics.Procedure)}): " +
                $"a harmless change warns in at most about {statistics.FalseDiscoveryRate:0.##%} of scenarios"));
        }

        var supports = measured.Supports.Count > 0 ? measured.Supports : baseline?.Supports ?? measured.Supports;
        var unresolved = GateResolution.Problems(subject.IntervalGates(policy.Run), supports, baseline?.Metrics ?? measured.Metrics,
            subject.MinSupport ?? defaults.MinSupport, gatedConfidence);
        return new ScenarioVerdict(subject.ScenarioId, judged, notes, baseline is null, policy.IsCi,
            unresolved.Count > 0 ? "gates this clip cannot resolve: " + string.Join("; ", unresolved) : null)
        {
            Agreement = evidence.Agreement,
            Flips = evidence.Flips,
            Strict = policy.Strict || defaults.Statistics.PossibleRegressionFails,
            Waivers = subject.Waivers,
        };
    }

    private static MetricVerdict EvaluateMetric(string name, GateSubject subject, BaselineSnapshot measured, BaselineSnapshot? baseline,
        GateEvidence evidence, GateDefaults defaults, GatePolicy policy, double gatedConfidence)
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
        var changeRule = applicable.FirstOrDefault(g => g.AllowedChange is not null);
        var tolerance = gated ? changeRule?.AllowedChange : family?.MaxChange;
        var blocking = gated || family?.Fails == true;
        var allowed = Describe(applicable, tolerance, name, blocking, changeRule?.Decide ?? DecisionRule.SureRegression);
        evidence.Intervals.TryGetValue(name, out var interval);
        var row = new MetricVerdict(name, baselineValue, measuredValue, allowed, MetricOutcome.Pass)
        {
            Blocking = blocking,
            Support = interval?.Support ?? (measured.Supports.TryGetValue(name, out var support) ? support : null),
            Allowance = baselineValue is { } before ? tolerance?.AbsoluteFor(before) : null,
        };

        if (measuredValue is not { } value)
        {
            return UndefinedUnlessUnknown(row, baselineValue, gated);
        }

        // The interval is of the re-scored difference; it is centred on the difference of the reported values, so a
        // baseline whose stored metrics disagree with its own detections (a hand edit) moves the interval with it.
        var change = value - (baselineValue ?? value);
        var spread = interval is { HasSpread: true };
        var shift = spread ? change - (interval!.Current - interval.Baseline) : 0;
        var confidence = gated && changeRule is not null && !MetricNames.IsTiming(name) ? gatedConfidence : defaults.Statistics.Confidence;
        var unseen = evidence.Agreement == PipelineAgreement.NotApplicable;
        var (low, high) = spread ? ChangeBounds.Of(interval!, confidence, defaults.Statistics, unseen) : (change, change);
        (low, high) = spread ? (low + shift, high + shift) : (low, high);
        if (spread && baselineValue is { } baselineAt)
        {
            // The unseen change widens an interval around its change, never past the values the metric can take.
            var (min, max) = MetricNames.Range(name);
            (low, high) = (Math.Max(low, min - baselineAt), Math.Min(high, max - baselineAt));
            row = row with { Low = low, High = high, Confidence = confidence };
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

        // A gated metric over too little support is the scenario's error (GateResolution), never a silent pass; a metric
        // no gate names is only shown.
        if (!gated && interval is not null && interval.Support < (family?.MinSupport ?? defaults.MinSupport))
        {
            return row with { Outcome = MetricOutcome.LowSupport, Blocking = false };
        }

        var limit = (tolerance?.AbsoluteFor(reference) ?? 0) + SignificantDigits.Slack(reference);
        var worsening = Worsening.Of(name, change, low, high);
        var improvedSurely = worsening.ImprovedBeyond(limit);
        if (!gated)
        {
            // Without resamples there is no evidence to control the false discovery rate with: the change is shown, not judged.
            return spread && interval!.Draws.Length > 0
                ? row with
                {
                    Outcome = improvedSurely ? MetricOutcome.Improved : MetricOutcome.Pass,
                    PValue = ChangeBounds.PValue(interval, shift, limit, MetricNames.HigherIsBetter(name), unseen),
                }
                : row with { Outcome = improvedSurely ? MetricOutcome.Improved : MetricOutcome.Pass };
        }

        var decide = changeRule?.Decide ?? DecisionRule.SureRegression;
        var outcome = worsening.Against(limit, decide);
        var power = spread && changeRule is not null && row.Allowance is { } allowance ? ChangeBounds.Power(low, high, confidence, allowance) : (double?)null;
        row = row with { Outcome = outcome, Power = power };
        return outcome is MetricOutcome.Regressed or MetricOutcome.PossibleRegression && subject.WaiverOf(name) is { } waiver
            ? WaiverJudgement.Judge(row, waiver, decide)
            : row;
    }

    /// <summary>A metric the run no longer produces: undefined for the reason its definition gives, else an error.</summary>
    private static MetricVerdict UndefinedUnlessUnknown(MetricVerdict row, double? baselineValue, bool gated)
    {
        if (MetricNames.IsTiming(row.Metric) || UndefinedMetric.Reason(row.Metric) is not { } reason)
        {
            return row with { Outcome = MetricOutcome.Error };
        }

        // Undefined in both runs is not a change; a gated metric that cannot be computed fails closed.
        return row with { Outcome = MetricOutcome.Undefined, Reason = "undefined: " + reason, Blocking = gated || (row.Blocking && baselineValue is not null) };
    }

    /// <summary>
    /// The ungated metrics with a p-value are one family; those the procedure finds are regressions (warnings, or
    /// failures where their family says <c>on_regression: fail</c>), unless their waiver allows them. Returns the rows
    /// and the family's size.
    /// </summary>
    private static (List<MetricVerdict> Rows, int Family) ControlFalseDiscoveries(List<MetricVerdict> rows, StatisticsSpec statistics, GateSubject subject)
    {
        var family = rows.Select((row, index) => (Row: row, Index: index)).Where(r => r.Row.PValue is not null).ToList();
        var discoveries = FalseDiscovery.Discoveries([.. family.Select(r => r.Row.PValue!.Value)], statistics.FalseDiscoveryRate, statistics.Procedure);
        for (var i = 0; i < family.Count; i++)
        {
            if (discoveries[i] && family[i].Row.Outcome == MetricOutcome.Pass)
            {
                var regressed = family[i].Row with { Outcome = MetricOutcome.Regressed };
                rows[family[i].Index] = subject.WaiverOf(regressed.Metric) is { } waiver ? WaiverJudgement.Judge(regressed, waiver, decide: null) : regressed;
            }
        }

        return (rows, family.Count);
    }

    private static string ProcedureName(FalseDiscoveryProcedure procedure) =>
        procedure == FalseDiscoveryProcedure.BenjaminiYekutieli ? "Benjamini-Yekutieli" : "Benjamini-Hochberg";

    private static string Describe(IReadOnlyList<GateRule> rules, Tolerance? tolerance, string name, bool blocking, DecisionRule decide)
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
        parts.Add(tolerance is { } t ? direction + t + (decide == DecisionRule.NonInferiority ? " (non-inferiority)" : "") : "no change");
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
