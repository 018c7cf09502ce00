using System.Collections.Concurrent;
using Harness.Calibration;
using Harness.Metrics;
using Harness.Scenarios;
using Harness.Testing;

StudyOptions options;
try
{
    options = StudyOptions.Parse(args, RepositoryPaths.Root);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine("calibration: " + e.Message);
    return 2;
}

var all = ScenarioLoader.LoadDirectory(RepositoryPaths.Scenarios);
var defaults = options.Defaults is { } file ? GateDefaultsLoader.Parse(File.ReadAllText(file), file) : GateDefaultsLoader.LoadDirectory(RepositoryPaths.Scenarios);
var gateDefaults = defaults;
if (options.Resamples is { } resamples)
{
    // Fewer resamples than the gate's make the study affordable; they only add Monte Carlo error to the interval ends, which the report measures.
    defaults = defaults with { Statistics = defaults.Statistics with { Resamples = resamples } };
}

var selected = options.ScenarioIds.Count > 0
    ? options.ScenarioIds.Select(id => all.Single(s => s.Id == id)).ToList()
    : all.Where(s => !s.HasTag(ScenarioTags.Canary)).ToList();
var plans = selected.Select(s => StudyPlan.For(s, all, options)).ToList();
var cache = new DetectionCache(options.CacheDirectory, options.TrustCache, Console.Out);

// Replay first, every (clip, model) once, two at a time on two cores; then everything else reads the cache.
var jobs = plans.SelectMany(p => p.Clips.SelectMany(c => p.Variants.Select(v => (Plan: p, Clip: c, Variant: v))))
    .Concat(plans.Select(p => (Plan: p, Clip: p.Seeds[0], Variant: ModelVariant.AtOwnThreshold)))
    .OrderByDescending(j => j.Clip.Options.Frames)
    .ToList();
Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = options.Jobs }, job => cache.Get(job.Plan.Scenario, job.Clip, job.Variant));
if (options.ReplayOnly)
{
    return 0;
}

var runs = new List<StudyRun>();
foreach (var plan in plans)
{
    var loaded = new ConcurrentDictionary<(StudyClip, ModelVariant), Lazy<IReadOnlyList<ScoredFrame>>>();
    IReadOnlyList<ScoredFrame> Detections(StudyClip clip, ModelVariant variant) =>
        loaded.GetOrAdd((clip, variant), key => new(() => cache.Get(plan.Scenario, key.Item1, key.Item2))).Value;

    FilterCheck.Verify(plan, Detections);
    var changes = ChangeLadder.Build(plan, Detections, options.Multiples ?? [1, 2], Console.Out);
    runs.Add(StudyRun.Execute(plan, changes, defaults, options.Jobs, Console.Out));
}

var report = StudyReport.Render(runs, defaults, "bench/calibration.sh " + string.Join(' ', args.Where((a, i) => a is not ("--cache" or "--out") && (i == 0 || args[i - 1] is not ("--cache" or "--out"))))) + "\n" + MonteCarloCheck.Render(runs[0], gateDefaults) + "\n";
Console.WriteLine(report);
if (options.Output is { } output)
{
    File.WriteAllText(output, report);
    File.WriteAllText(Path.ChangeExtension(output, ".csv"), StudyReport.Rows(runs));
}

if (options.Docs is { } docs)
{
    DocsSection.Replace(docs, report);
}

// The one rate the study can check at any size: the same pipeline never fails.
var identicalFailed = runs.Sum(r => r.Changes.Where(c => c.Kind == ChangeKind.Identical)
    .Sum(c => r.Segments[c.Name].Concat(r.Seeds[c.Name]).Count(j => (j.Verdict with { Error = null }).Failed)));
if (identicalFailed > 0)
{
    Console.Error.WriteLine($"calibration: the identical pipeline failed {identicalFailed} comparisons");
    return 1;
}

return 0;
