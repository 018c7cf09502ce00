using System.Globalization;
using System.Text;
using Harness.Gate;
using Harness.Metrics;

namespace Harness.Calibration;

/// <summary>
/// The study's tables: how often the intervals covered the change they estimate (segments against the long clip's
/// change), how the spread of the changes across segments and across seeds compares with the standard error the
/// intervals imply, and the gate's error rates per change of the ladder.
/// </summary>
internal static class StudyReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(IReadOnlyList<StudyRun> runs, string command)
    {
        var text = new StringBuilder();
        var provenance = Harness.Running.ProvenanceProbe.Current(runs[0].Plan.Scenario.Model.Session);
        text.Append(string.Create(Invariant, $"Command: `{command}`, run {DateTime.UtcNow:yyyy-MM-dd} on {provenance.CpuModel} ({Environment.ProcessorCount} cores, "))
            .Append(string.Create(Invariant, $"{provenance.VectorWidthBits}-bit vectors, ONNX Runtime {provenance.OnnxRuntimeVersion}). Per scenario: "))
            .AppendJoin("; ", runs.Select(r => string.Create(Invariant, $"{r.Plan.Scenario.Id} {r.Plan.Segments} segments of {r.Plan.SegmentFrames} frames and {r.Plan.Seeds.Count} seeds")))
            .AppendLine(".");
        text.AppendLine();
        text.AppendLine("#### Coverage of the intervals (segments against their long clip's change)");
        text.AppendLine();
        text.AppendLine("| scenario | family | cases | covered | spread / implied SE, segments (median) | spread / implied SE, seeds (median) |");
        text.AppendLine("| --- | --- | ---: | ---: | ---: | ---: |");
        var pooled = new Tally();
        foreach (var run in runs)
        {
            foreach (var group in Coverage(run).GroupBy(c => c.Family).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var tally = Tally.Of(group);
                pooled.Add(tally);
                text.AppendLine(Invariant, $"| {run.Plan.Scenario.Id} | {group.Key} | {tally.Cases} | {Percent(tally.Covered, tally.Cases)} | {Ratio(tally.SegmentRatios)} | {Ratio(tally.SeedRatios)} |");
            }
        }

        text.AppendLine(Invariant, $"| all | pooled | {pooled.Cases} | {Percent(pooled.Covered, pooled.Cases)} | {Ratio(pooled.SegmentRatios)} | {Ratio(pooled.SeedRatios)} |");
        text.AppendLine();
        text.AppendLine("#### Error rates per change (segments; seeds in brackets; failed by the decision rules, a gate it cannot resolve aside)");
        text.AppendLine();
        text.AppendLine("| scenario | change | kind | gates it cannot resolve | failed | warned | tuned gate regressed | tuned gate possible regression |");
        text.AppendLine("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var run in runs)
        {
            foreach (var change in run.Changes)
            {
                var segments = run.Segments[change.Name];
                var seeds = run.Seeds[change.Name];
                text.AppendLine(Invariant,
                    $"| {run.Plan.Scenario.Id} | {change.Name} ({change.Description}) | {change.Kind} | {Rate(segments, seeds, v => v.Error is not null)} | " +
                    $"{Rate(segments, seeds, v => (v with { Error = null }).Failed)} | {Rate(segments, seeds, v => v.Warnings > 0)} | " +
                    $"{(change.Metric is { } m ? Rate(segments, seeds, v => Outcome(v, m) == MetricOutcome.Regressed) : "")} | " +
                    $"{(change.Metric is { } p ? Rate(segments, seeds, v => Outcome(v, p) == MetricOutcome.PossibleRegression) : "")} |");
            }
        }

        return text.ToString();
    }

    /// <summary>Every row the study judged, one line each, for analysis beyond these tables.</summary>
    public static string Rows(IReadOnlyList<StudyRun> runs)
    {
        var text = new StringBuilder("scenario,change,kind,clip,index,metric,change_value,low,high,confidence,long_change,support,outcome,verdict\n");
        foreach (var run in runs)
        {
            foreach (var change in run.Changes)
            {
                foreach (var (clip, verdicts) in new[] { ("segment", run.Segments[change.Name]), ("seed", run.Seeds[change.Name]) })
                {
                    for (var i = 0; i < verdicts.Count; i++)
                    {
                        foreach (var row in verdicts[i].Metrics)
                        {
                            var longChange = run.LongChanges[change.Name].TryGetValue(row.Metric, out var l) ? l : double.NaN;
                            text.AppendLine(Invariant,
                                $"{run.Plan.Scenario.Id},\"{change.Name}\",{change.Kind},{clip},{i},{row.Metric},{row.Change},{row.Low},{row.High},{row.Confidence},{longChange:R},{row.Support},{row.Outcome},\"{verdicts[i].Summary}\"");
                        }
                    }
                }
            }
        }

        return text.ToString();
    }

    private static MetricOutcome? Outcome(ScenarioVerdict verdict, string metric) => verdict.Metrics.FirstOrDefault(m => m.Metric == metric)?.Outcome;

    private static string Rate(IReadOnlyList<ScenarioVerdict> segments, IReadOnlyList<ScenarioVerdict> seeds, Func<ScenarioVerdict, bool> test) =>
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
    /// Every (change, metric, segment) whose long-clip change is not zero, changes that move nothing (identical) left out.
    /// A segment without an interval of that metric (undefined, or no spread) counts as not covered.
    /// </summary>
    private static IEnumerable<CoverageCase> Coverage(StudyRun run)
    {
        var gated = run.Plan.Scenario.Gates.Select(g => g.Metric).ToHashSet(StringComparer.Ordinal);
        foreach (var change in run.Changes.Where(c => c.Kind != ChangeKind.Identical))
        {
            foreach (var (metric, longChange) in run.LongChanges[change.Name])
            {
                if (longChange == 0)
                {
                    continue;
                }

                var segmentRows = run.Segments[change.Name].Select(v => v.Metrics.FirstOrDefault(m => m.Metric == metric)).ToList();
                var seedRows = run.Seeds[change.Name].Select(v => v.Metrics.FirstOrDefault(m => m.Metric == metric)).ToList();
                var segmentRatio = SpreadRatio(segmentRows);
                var seedRatio = SpreadRatio(seedRows);
                var family = gated.Contains(metric) ? "gated" : Family(metric);
                foreach (var row in segmentRows)
                {
                    var covered = row is { Low: { } low, High: { } high } && low <= longChange && longChange <= high;
                    yield return new CoverageCase(family, covered, segmentRatio, seedRatio);
                    (segmentRatio, seedRatio) = (null, null);
                }
            }
        }
    }

    /// <summary>The spread of the changes over clips, over the mean standard error their 95% intervals imply.</summary>
    private static double? SpreadRatio(List<MetricVerdict?> rows)
    {
        var withInterval = rows.Where(r => r is { Low: not null, High: not null, Change: not null }).Select(r => r!).ToList();
        if (withInterval.Count < 3)
        {
            return null;
        }

        var changes = withInterval.Select(r => r.Change!.Value).ToList();
        var mean = changes.Average();
        var spread = Math.Sqrt(changes.Sum(c => (c - mean) * (c - mean)) / (changes.Count - 1));
        var implied = withInterval.Average(r => (r.High!.Value - r.Low!.Value) / (2 * 1.959964));
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
