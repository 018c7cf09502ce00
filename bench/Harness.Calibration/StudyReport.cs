using System.Globalization;
using System.Text;
using Harness.Gate;
using Harness.Metrics;
using Harness.Metrics.Bootstrap;
using Harness.Scenarios;

namespace Harness.Calibration;

/// <summary>
/// The study's tables: how often the 95% intervals covered the change they estimate (segments against the long clip's
/// change), how the spread of the changes across segments and across seeds compares with the standard error the
/// intervals imply, the gate's error rates per change of the ladder and per decision rule, the power of every gate,
/// and the false discovery proportion of the ungated warnings.
/// </summary>
internal static class StudyReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(IReadOnlyList<StudyRun> runs, GateDefaults defaults, string command)
    {
        var text = new StringBuilder();
        var provenance = Harness.Running.ProvenanceProbe.Current(runs[0].Plan.Scenario.Model.Session);
        text.Append(string.Create(Invariant, $"Command: `{command}`, run {DateTime.UtcNow:yyyy-MM-dd} on {provenance.CpuModel} ({Environment.ProcessorCount} cores, "))
            .Append(string.Create(Invariant, $"{provenance.VectorWidthBits}-bit vectors, ONNX Runtime {provenance.OnnxRuntimeVersion}); "))
            .Append(string.Create(Invariant, $"{defaults.Statistics.Resamples} resamples of {Units(defaults.Statistics.Units)}. Per scenario: "))
            .AppendJoin("; ", runs.Select(r => string.Create(Invariant, $"{r.Plan.Scenario.Id} {r.Plan.Segments} segments of {r.Plan.SegmentFrames} frames and {r.Plan.Seeds.Count} seed clips")))
            .AppendLine(".");
        Coverage(text, runs);
        ErrorRates(text, runs);
        Power(text, runs);
        FalseDiscoveries(text, runs, defaults);
        return text.ToString();
    }

    /// <summary>Every row the study judged, one line each, for analysis beyond these tables.</summary>
    public static string Rows(IReadOnlyList<StudyRun> runs)
    {
        var text = new StringBuilder("scenario,change,kind,clip,index,metric,change_value,low95,high95,low,high,confidence,long_change,support,outcome,verdict\n");
        foreach (var run in runs)
        {
            foreach (var change in run.Changes)
            {
                foreach (var (clip, judged) in new[] { ("segment", run.Segments[change.Name]), ("seed", run.Seeds[change.Name]) })
                {
                    for (var i = 0; i < judged.Count; i++)
                    {
                        foreach (var row in judged[i].Verdict.Metrics)
                        {
                            var longChange = run.LongChanges[change.Name].TryGetValue(row.Metric, out var l) ? l : double.NaN;
                            var has = judged[i].Intervals.TryGetValue(row.Metric, out var bounds);
                            text.AppendLine(Invariant,
                                $"{run.Plan.Scenario.Id},\"{change.Name}\",{change.Kind},{clip},{i},{row.Metric},{row.Change},{(has ? bounds.Low : null)},{(has ? bounds.High : null)},{row.Low},{row.High},{row.Confidence},{longChange:R},{row.Support},{row.Outcome},\"{judged[i].Verdict.Summary}\"");
                        }
                    }
                }
            }
        }

        return text.ToString();
    }

    private static string Units(ResamplingUnit units) => units switch
    {
        ResamplingUnit.TracksAndFrames => "tracks crossed with frames",
        ResamplingUnit.Tracks => "tracks, and frames",
        _ => "frames",
    };

    private static void Coverage(StringBuilder text, IReadOnlyList<StudyRun> runs)
    {
        text.AppendLine().AppendLine("#### Coverage of the 95% intervals (segments against their long clip's change)").AppendLine();
        text.AppendLine("Every (change, metric, segment) whose long-clip change is not zero, the identical pipeline left out; a segment without an interval for the metric counts as a miss. Spread: the standard deviation of the changes across the segments (and across the seed clips) over the mean standard error their intervals imply, median over (change, metric) [range].").AppendLine();
        text.AppendLine("| scenario | family | cases | covered | spread / implied SE, segments | spread / implied SE, seeds |");
        text.AppendLine("| --- | --- | ---: | ---: | ---: | ---: |");
        var pooled = new Tally();
        foreach (var run in runs)
        {
            foreach (var group in CoverageCases(run).GroupBy(c => c.Family).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var tally = Tally.Of(group);
                pooled.Add(tally);
                text.AppendLine(Invariant, $"| {run.Plan.Scenario.Id} | {group.Key} | {tally.Cases} | {Percent(tally.Covered, tally.Cases)} | {Ratio(tally.SegmentRatios)} | {Ratio(tally.SeedRatios)} |");
            }
        }

        text.AppendLine(Invariant, $"| all | **pooled** | {pooled.Cases} | **{Percent(pooled.Covered, pooled.Cases)}** | {Ratio(pooled.SegmentRatios)} | {Ratio(pooled.SeedRatios)} |");
    }

    private static void ErrorRates(StringBuilder text, IReadOnlyList<StudyRun> runs)
    {
        text.AppendLine().AppendLine("#### Error rates per change (segments; seed clips in brackets)").AppendLine();
        text.AppendLine("failed: by the settings studied (a gate the clip cannot resolve aside: its own column); sure only: with `possible_regression: warn`, a gated metric fails only when its whole interval is beyond the allowance; non_inferiority: every interval gate must show its interval within the allowance; warned: an ungated metric survives the false-discovery-rate control; possible: a gated metric's point estimate is beyond its allowance, its interval not.").AppendLine();
        text.AppendLine("| scenario | change | kind | cannot resolve | failed | failed, sure only | failed non_inferiority | warned (ungated) | possible regression (gated) |");
        text.AppendLine("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var run in runs)
        {
            foreach (var change in run.Changes.Where(c => c.Kind is not (ChangeKind.AtAllowance or ChangeKind.TwiceAllowance)))
            {
                var segments = run.Segments[change.Name].Select(j => j.Verdict).ToList();
                var seeds = run.Seeds[change.Name].Select(j => j.Verdict).ToList();
                text.AppendLine(Invariant,
                    $"| {run.Plan.Scenario.Id} | {change.Name} ({change.Description}) | {change.Kind} | {Rate(segments, seeds, v => v.Error is not null)} | " +
                    $"{Rate(segments, seeds, v => (v with { Error = null }).Failed)} | {Rate(segments, seeds, v => (v with { Error = null, Strict = false }).Failed)} | " +
                    $"{Rate(segments, seeds, v => (v with { Error = null }).Failed || NonInferiorityFails(v))} | {Rate(segments, seeds, v => v.Metrics.Any(m => !m.Blocking && ScenarioVerdict.IsWarning(m)))} | " +
                    $"{Rate(segments, seeds, v => v.Metrics.Any(m => m.Blocking && m.Outcome == MetricOutcome.PossibleRegression))} |");
            }
        }
    }

    private static void Power(StringBuilder text, IReadOnlyList<StudyRun> runs)
    {
        text.AppendLine().AppendLine("#### Each gate against a true change of its allowance (size) and of twice it (power)").AppendLine();
        text.AppendLine("The change is the score threshold that moves the gated metric by the allowance (and twice it) on the long clip; regressed: the gate's interval wholly beyond the allowance; fails: regressed, or a possible regression where the settings fail it. At the allowance the rate of \"regressed\" is the sure rule's size (it should stay under its one-sided level), and a point estimate beyond the allowance is a coin toss; at twice it, the power (the target is 0.9).").AppendLine();
        text.AppendLine("| scenario | gate | allowance | threshold, change on the long clip: x1 / x2 | regressed at x1 | fails at x1 | regressed at x2 | fails at x2 (power) | mean power statement at x2 |");
        text.AppendLine("| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var run in runs)
        {
            foreach (var gate in GateSubject.Of(run.Plan.Scenario).IntervalGates(RunKind.PullRequest))
            {
                var at = run.Changes.FirstOrDefault(c => c.Kind == ChangeKind.AtAllowance && c.Metric == gate.Metric);
                var twice = run.Changes.FirstOrDefault(c => c.Kind == ChangeKind.TwiceAllowance && c.Metric == gate.Metric);
                if (at is null || twice is null)
                {
                    text.AppendLine(Invariant, $"| {run.Plan.Scenario.Id} | {gate.Metric} | {gate.AllowedChange} | no threshold moves it that far | | | | |");
                    continue;
                }

                var powers = run.Segments[twice.Name].Select(j => Row(j.Verdict, gate.Metric)?.Power).OfType<double>().ToList();
                text.AppendLine(Invariant,
                    $"| {run.Plan.Scenario.Id} | {gate.Metric} | {gate.AllowedChange} | {at.Description} {at.LongChange:+0.#####;-0.#####} / {twice.Description} {twice.LongChange:+0.#####;-0.#####} | " +
                    $"{Outcomes(run, at, gate.Metric, MetricOutcome.Regressed)} | {Fails(run, at, gate.Metric)} | {Outcomes(run, twice, gate.Metric, MetricOutcome.Regressed)} | " +
                    $"{Fails(run, twice, gate.Metric)} | {(powers.Count > 0 ? powers.Average().ToString("0.00", Invariant) : "-")} |");
            }

            foreach (var canary in run.Changes.Where(c => c.Kind is ChangeKind.Canary or ChangeKind.Retrain))
            {
                var segments = run.Segments[canary.Name].Select(j => j.Verdict).ToList();
                var seeds = run.Seeds[canary.Name].Select(j => j.Verdict).ToList();
                var moves = string.Join(", ", GateSubject.Of(run.Plan.Scenario).IntervalGates(RunKind.PullRequest)
                    .Select(g => string.Create(Invariant, $"{g.Metric} {run.LongChanges[canary.Name].GetValueOrDefault(g.Metric):+0.####;-0.####}")));
                text.AppendLine(Invariant,
                    $"| {run.Plan.Scenario.Id} | {canary.Name}: scenario fails | | {canary.Description}; long clip: {moves} | | | | {Rate(segments, seeds, v => (v with { Error = null }).Failed)} | |");
            }
        }
    }

    /// <summary>
    /// The false discovery proportion of the ungated warnings: a warning is false when the metric's change on the long
    /// clip is within its family's allowance. Averaged over the comparisons (0 where nothing warned), it estimates the
    /// false discovery rate the procedure promises to keep at or below its level.
    /// </summary>
    private static void FalseDiscoveries(StringBuilder text, IReadOnlyList<StudyRun> runs, GateDefaults defaults)
    {
        text.AppendLine().AppendLine(string.Create(Invariant, $"#### False discoveries among the ungated warnings ({defaults.Statistics.Procedure} at {defaults.Statistics.FalseDiscoveryRate:0.##%})")).AppendLine();
        text.AppendLine("| scenario | comparisons | with warnings | warnings | false (long-clip change within the allowance) | false discovery rate |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var run in runs)
        {
            int comparisons = 0, warned = 0, warnings = 0, wrong = 0;
            var proportions = 0.0;
            foreach (var change in run.Changes)
            {
                foreach (var judged in run.Segments[change.Name])
                {
                    comparisons++;
                    var found = judged.Verdict.Metrics.Where(m => !m.Blocking && m.Outcome == MetricOutcome.Regressed && m.PValue is not null).ToList();
                    if (found.Count == 0)
                    {
                        continue;
                    }

                    var falseOnes = found.Count(m => WithinAllowance(run, change, m, defaults));
                    warned++;
                    warnings += found.Count;
                    wrong += falseOnes;
                    proportions += (double)falseOnes / found.Count;
                }
            }

            text.AppendLine(Invariant, $"| {run.Plan.Scenario.Id} | {comparisons} | {warned} | {warnings} | {wrong} | {(comparisons == 0 ? "-" : (proportions / comparisons).ToString("0.0%", Invariant))} |");
        }
    }

    private static bool WithinAllowance(StudyRun run, StudyChange change, MetricVerdict row, GateDefaults defaults)
    {
        var longChange = run.LongChanges[change.Name].GetValueOrDefault(row.Metric);
        var allowance = row.Allowance ?? defaults.FamilyOf(row.Metric)?.MaxChange.AbsoluteFor(row.Baseline ?? 0) ?? 0;
        var worsening = MetricNames.HigherIsBetter(row.Metric) ? -longChange : longChange;
        return worsening <= allowance;
    }

    private static bool NonInferiorityFails(ScenarioVerdict verdict) =>
        verdict.Metrics.Any(m => m.Blocking && m.Allowance is { } allowance && m.Low is { } low && m.High is { } high &&
            (MetricNames.HigherIsBetter(m.Metric) ? -low : high) > allowance);

    private static MetricVerdict? Row(ScenarioVerdict verdict, string metric) => verdict.Metrics.FirstOrDefault(m => m.Metric == metric);

    private static string Fails(StudyRun run, StudyChange change, string metric) =>
        RateOf(run, change, v => Row(v, metric) is { } row && (row.Outcome == MetricOutcome.Regressed || (v.Strict && row.Outcome == MetricOutcome.PossibleRegression)));

    private static string Outcomes(StudyRun run, StudyChange change, string metric, MetricOutcome outcome) =>
        RateOf(run, change, v => Row(v, metric)?.Outcome == outcome);

    /// <summary>How often a change's verdicts satisfy <paramref name="predicate"/>, on the segments and (in brackets) the seed clips.</summary>
    private static string RateOf(StudyRun run, StudyChange change, Func<ScenarioVerdict, bool> predicate) =>
        Rate(run.Segments[change.Name].Select(j => j.Verdict).ToList(), run.Seeds[change.Name].Select(j => j.Verdict).ToList(), predicate);

    private static string Rate(List<ScenarioVerdict> segments, List<ScenarioVerdict> seeds, Func<ScenarioVerdict, bool> test) =>
        $"{Percent(segments.Count(test), segments.Count)} ({Percent(seeds.Count(test), seeds.Count)})";

    private static string Percent(int count, int total) => total == 0 ? "-" : string.Create(Invariant, $"{100.0 * count / total:0.#}% ({count}/{total})");

    private static string Ratio(List<double> ratios)
    {
        if (ratios.Count == 0)
        {
            return "-";
        }

        ratios.Sort();
        return string.Create(Invariant, $"{ratios[ratios.Count / 2]:0.00} [{ratios[0]:0.00}, {ratios[^1]:0.00}]");
    }

    /// <summary>
    /// Every (change, metric, segment) whose long-clip change is not zero, the identical pipeline left out. A segment
    /// without a 95% interval of that metric (undefined, or no spread) counts as not covered.
    /// </summary>
    private static IEnumerable<CoverageCase> CoverageCases(StudyRun run)
    {
        foreach (var change in run.Changes.Where(c => c.Kind != ChangeKind.Identical))
        {
            foreach (var (metric, longChange) in run.LongChanges[change.Name])
            {
                if (longChange == 0)
                {
                    continue;
                }

                var segments = run.Segments[change.Name];
                var segmentRatio = SpreadRatio(segments, metric);
                var seedRatio = SpreadRatio(run.Seeds[change.Name], metric);
                var family = Family(metric);
                foreach (var judged in segments)
                {
                    var covered = judged.Intervals.TryGetValue(metric, out var bounds) && bounds.Low <= longChange && longChange <= bounds.High;
                    yield return new CoverageCase(family, covered, segmentRatio, seedRatio);
                    (segmentRatio, seedRatio) = (null, null);
                }
            }
        }
    }

    /// <summary>The spread of the changes over clips, over the mean standard error their 95% intervals imply.</summary>
    private static double? SpreadRatio(IReadOnlyList<Judged> clips, string metric)
    {
        var pairs = clips.Select(j => (Row: Row(j.Verdict, metric), Has: j.Intervals.TryGetValue(metric, out var b), Bounds: b))
            .Where(p => p.Has && p.Row?.Change is not null).ToList();
        if (pairs.Count < 3)
        {
            return null;
        }

        var changes = pairs.Select(p => p.Row!.Change!.Value).ToList();
        var mean = changes.Average();
        var spread = Math.Sqrt(changes.Sum(c => (c - mean) * (c - mean)) / (changes.Count - 1));
        var implied = pairs.Average(p => (p.Bounds.High - p.Bounds.Low) / (2 * 1.959964));
        return implied > 0 ? spread / implied : null;
    }

    private static string Family(string metric) =>
        metric.StartsWith("coco/", StringComparison.Ordinal) ? (metric.Count(c => c == '/') > 1 ? "coco per class" : "coco")
        : metric == MetricNames.FalsePositivesPerFrame ? "fp_per_frame"
        : metric.Count(c => c == '/') >= 2 ? "recall slices"
        : "operating point";

    private sealed record CoverageCase(string Family, bool Covered, double? SegmentRatio, double? SeedRatio);

    private sealed class Tally
    {
        public int Cases { get; private set; }

        public int Covered { get; private set; }

        public List<double> SegmentRatios { get; } = [];

        public List<double> SeedRatios { get; } = [];

        public static Tally Of(IEnumerable<CoverageCase> cases)
        {
            var tally = new Tally();
            foreach (var c in cases)
            {
                tally.Cases++;
                tally.Covered += c.Covered ? 1 : 0;
                if (c.SegmentRatio is { } s)
                {
                    tally.SegmentRatios.Add(s);
                }

                if (c.SeedRatio is { } r)
                {
                    tally.SeedRatios.Add(r);
                }
            }

            return tally;
        }

        public void Add(Tally other)
        {
            Cases += other.Cases;
            Covered += other.Covered;
            SegmentRatios.AddRange(other.SegmentRatios);
            SeedRatios.AddRange(other.SeedRatios);
        }
    }
}
