using System.Globalization;
using Harness.Metrics;
using Harness.Metrics.Bootstrap;
using Harness.Metrics.Sweep;
using Harness.Running;
using Harness.Scenarios;

namespace Harness.Suite;

/// <summary>
/// <c>harness compare --sweep</c>: per selected scenario, one replay of the candidate (the scenario as written, or
/// <see cref="SuiteOptions.Candidate"/>) at the lowest threshold, evaluated at every swept threshold with intervals, and
/// per class the threshold that keeps the scenario-as-written's recall at the fewest false positives. Replays go through
/// the <see cref="ReplayCache"/>; a scenario that cannot be swept is that scenario's error and never stops the others.
/// </summary>
internal static class ScoreThresholdSweep
{
    public static IReadOnlyList<ScenarioSweep> Run(SuiteOptions options, SweepRange range, IProgress<FrameProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(range);
        var selected = GateSuite.Select(options);
        var failures = selected.Failures
            .Select(f => new ScenarioSweep(f.Id, "", "", [], $"{f.File} could not be loaded: {string.Join("; ", f.Errors)}"));
        var swept = selected.Scenarios.Select(s => Guarded(s, options, range, progress));
        return [.. failures.Concat(swept)];
    }

    private static ScenarioSweep Guarded(Scenario scenario, SuiteOptions options, SweepRange range, IProgress<FrameProgress>? progress)
    {
        var variant = options.Candidate ?? new ScenarioVariant(null, []);
        var candidate = variant.IsEmpty ? "the scenario as written" : variant.Describe();
        var baseline = string.Create(CultureInfo.InvariantCulture, $"the scenario as written ({scenario.Model.Source}, score_threshold {scenario.Postprocess.ScoreThreshold})");
        try
        {
            return new ScenarioSweep(scenario.Id, candidate, baseline, Sweep(scenario, variant, options, range, progress));
        }
        catch (ScenarioValidationException e)
        {
            return new ScenarioSweep(scenario.Id, candidate, baseline, [], string.Join("; ", e.Errors));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new ScenarioSweep(scenario.Id, candidate, baseline, [], $"{scenario.SourcePath}: sweep failed: {(e is HarnessInputException ? "" : e.GetType().Name + ": ")}{e.Message}");
        }
    }

    private static IReadOnlyList<SweepCurve> Sweep(Scenario scenario, ScenarioVariant variant, SuiteOptions options, SweepRange range, IProgress<FrameProgress>? progress)
    {
        var cache = new ReplayCache(options.CacheDirectory);
        var statistics = GateDefaultsLoader.LoadDirectory(options.ScenariosDirectory).Statistics;
        var bootstrap = new BootstrapOptions(statistics.Resamples, statistics.Seed, statistics.BlockSeconds, statistics.Confidence, statistics.Units);
        var candidate = variant.Apply(scenario);
        var classes = candidate.Model.Classes.EvaluationClasses;
        var own = (double)scenario.Postprocess.ScoreThreshold;

        // Without a candidate the scenario's own threshold is one more cut of the same replay, so one pass serves both.
        var lowest = variant.IsEmpty ? Math.Min(range.Start, own) : range.Start;
        var pass = new ScenarioVariant(variant.Model, [.. variant.Settings, SettingOverride.Parse(string.Create(CultureInfo.InvariantCulture, $"{SweepRange.Setting}={lowest:R}"))]).Apply(scenario);
        var frames = cache.Replay(pass, new ReplayOptions { Hooks = options.Hooks, Progress = progress }, reviewKey: "").Result.ScoredFrames;
        var keep = variant.IsEmpty
            ? ThresholdSweep.Run(classes, frames, [own], NoRecallToKeep, bootstrap with { Resamples = 0 }).ToDictionary(c => c.Class, c => c.Points[0].Recall.Value, StringComparer.Ordinal)
            : RecallOf(cache.Replay(scenario, new ReplayOptions { Hooks = options.Hooks, Progress = progress }, reviewKey: "").Result, classes);
        return ThresholdSweep.Run(classes, frames, range.Thresholds, keep.Where(k => !double.IsNaN(k.Value)).ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal), bootstrap);
    }

    private static readonly IReadOnlyDictionary<string, double> NoRecallToKeep = new Dictionary<string, double>();

    private static Dictionary<string, double> RecallOf(ScenarioResult result, IReadOnlyList<string> classes)
    {
        var recall = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var name in classes)
        {
            if (result.Metrics.TryGetValue(MetricNames.PerClass(MetricNames.Recall, name), out var value))
            {
                recall[name] = value;
            }
        }

        if (result.Metrics.TryGetValue(MetricNames.Recall, out var pooled))
        {
            recall[ThresholdSweep.Pooled] = pooled;
        }

        return recall;
    }
}
