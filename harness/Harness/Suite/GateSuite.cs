using System.Globalization;
using Harness.Clips;
using Harness.Gate;
using Harness.History;
using Harness.Inference;
using Harness.Metrics;
using Harness.Reporting;
using Harness.Results;
using Harness.Running;
using Harness.Scenarios;

namespace Harness.Suite;

/// <summary>
/// A whole gate run: select scenarios (all, or one shard of them), replay each, judge it against its baseline, keep
/// the received snapshot when anything differs, write each outcome as a result bundle, and hand the bundles read back
/// from disk to the reporters, so a report of the run and one re-rendered from its bundles are the same. A failure of
/// any kind at any stage (loading the file, reading the baseline, replaying, scoring, judging) is that scenario's error verdict and never stops the others; a
/// reporter that fails never stops the other reporters nor hides the verdicts, and fails the run. Scenarios may
/// replay concurrently (<see cref="SuiteOptions.Parallel"/>): each writes only its own received baseline, shared
/// generated inputs are made once (<see cref="Running.CachedFile"/>), and the reporters run after the last one in
/// scenario order, so the outcome is the sequential run's byte for byte.
/// </summary>
public static class GateSuite
{
    /// <summary>
    /// Scenarios named by id, else those with the tag, else every scenario that is not a canary. Canaries (known-bad
    /// models kept to prove the gate catches them) run only when asked for by id or tag. Files that failed to load
    /// are selected too (their tags are unknown), all of them unless ids are named, then those named by file name.
    /// </summary>
    /// <exception cref="ScenarioValidationException">The directory does not exist, or a named id is in no file.</exception>
    public static ScenarioSet Select(SuiteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Select(options, ScenarioLoader.LoadEach(options.ScenariosDirectory));
    }

    /// <param name="progress">Reported from every replaying scenario's thread when scenarios run concurrently.</param>
    public static SuiteReport Run(SuiteOptions options, IReadOnlyList<IReporter> reporters, IProgress<FrameProgress>? progress = null, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var all = ScenarioLoader.LoadEach(options.ScenariosDirectory, file =>
        {
            options.Hooks.Enter(file, PipelineStage.Load);
            return ScenarioLoader.LoadFile(file);
        });
        var selected = Select(options, all);
        var suiteIds = SuiteIds(all);
        if (selected.Failures.Count > 0 && log is not null)
        {
            var problems = selected.Failures.SelectMany(f => f.Errors).ToList();
            log.WriteLine($"{problems.Count} problem(s) in scenario files (those scenarios fail, the others run):");
            foreach (var problem in problems)
            {
                log.WriteLine("  " + problem);
            }
        }

        var mine = options.Shard is { } shard ? ShardPlan.Of(selected, shard, options.ReplaySeconds) : selected;
        var workers = SuiteParallelism.Resolve(options.Parallel, mine.Scenarios.Select(s => s.Model.Session.IntraOpThreads), Environment.ProcessorCount);
        var replayed = OrderedParallel.Map(mine.Scenarios, workers, scenario => Guarded(scenario, options, progress, () => suiteIds));
        var bundles = mine.Failures.Select(failure => LoadFailed(failure, options.IsCi)).Concat(replayed).ToList();
        var manifest = new RunManifest(
            options.Run,
            options.IsCi,
            [.. selected.Failures.Select(f => f.Id).Concat(selected.Scenarios.Select(s => s.Id))],
            [.. bundles.Select(b => b.ScenarioId)],
            options.Shard);
        return WriteAndReport(options.ResultsDirectory, manifest, bundles, reporters, log);
    }

    /// <summary>
    /// Re-renders the reports of a results folder (one run, or one shard of it) from its bundles alone.
    /// </summary>
    /// <exception cref="ResultsFormatException">The folder, its manifest or one of its bundles is missing or corrupt.</exception>
    public static SuiteReport Report(string resultsDirectory, IReadOnlyList<IReporter> reporters, TextWriter? log = null)
    {
        var manifest = ResultsFolder.ReadManifest(resultsDirectory);
        return Export(new SuiteReport(ResultsFolder.ReadBundles(resultsDirectory, manifest), manifest.Run, manifest.IsCi), reporters, log);
    }

    /// <summary>
    /// Bundles are written, then read back for the reporters. A run whose bundles cannot be written or read still
    /// reports its verdicts (from memory) and fails, as a failed reporter does.
    /// </summary>
    private static SuiteReport WriteAndReport(string resultsDirectory, RunManifest manifest, List<ResultBundle> bundles, IReadOnlyList<IReporter> reporters, TextWriter? log)
    {
        try
        {
            ResultsFolder.Write(resultsDirectory, manifest, bundles);
            return Export(new SuiteReport(ResultsFolder.ReadBundles(resultsDirectory, manifest), manifest.Run, manifest.IsCi), reporters, log);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ResultsFormatException or InvalidOperationException)
        {
            log?.WriteLine($"result bundles not written to {resultsDirectory} (the verdicts stand; the run fails): {e.GetType().Name}: {e.Message}");
            var suite = Export(new SuiteReport(bundles, manifest.Run, manifest.IsCi), reporters, log);
            return suite with { FailedReporters = [ResultsReporterName, .. suite.FailedReporters] };
        }
    }

    /// <summary>How a run whose result bundles could not be written is listed among the failed reporters.</summary>
    public const string ResultsReporterName = "results";

    /// <summary>One scenario judged as <see cref="Run(SuiteOptions, IReadOnlyList{IReporter}, IProgress{FrameProgress}?, TextWriter?)"/> judges it, without writing bundles or reports.</summary>
    public static ResultBundle RunOne(Scenario scenario, SuiteOptions options, IProgress<FrameProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return RunOne(scenario, options, progress, SuiteIdsWhenAsked(options));
    }

    private static ResultBundle RunOne(Scenario scenario, SuiteOptions options, IProgress<FrameProgress>? progress, Func<IReadOnlySet<string>> suiteIds) =>
        RunOne(scenario, options, replay => ScenarioRunner.Run(scenario, options.CacheDirectory, replay with { Progress = progress }), suiteIds);

    /// <summary>
    /// One scenario replayed from frames the caller reads through a detector the caller loaded
    /// (<see cref="ScenarioRunner.Run(Scenario, IClipReader, OnnxDetector, ReplayOptions?, CancellationToken)"/>),
    /// then judged like any other; the caller keeps and disposes both.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="options"/> asks for a comparison, which replays the scenario's own clip and models.</exception>
    public static ResultBundle RunOne(Scenario scenario, SuiteOptions options, IClipReader clip, OnnxDetector detector, IProgress<FrameProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Candidate is null
            ? RunOne(scenario, options, replay => ScenarioRunner.Run(scenario, clip, detector, replay with { Progress = progress }), SuiteIdsWhenAsked(options))
            : throw new ArgumentException("a comparison replays the scenario's own clip and models, not a caller's reader and detector", nameof(options));
    }

    private static ScenarioSet Select(SuiteOptions options, ScenarioSet all)
    {
        var unknown = options.Ids.Where(id => all.Scenarios.All(s => s.Id != id) && all.Failures.All(f => f.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            throw new ScenarioValidationException(unknown.Select(id => new ValidationError(options.ScenariosDirectory, 0, 0, "id", $"no scenario with id '{id}'")).ToList());
        }

        var scenarios = all.Scenarios
            .Where(s => options.Ids.Count > 0 ? options.Ids.Contains(s.Id) : options.Tag is { } tag ? s.HasTag(tag) : !s.HasTag(ScenarioTags.Canary))
            .ToList();
        var failures = options.Ids.Count > 0 ? all.Failures.Where(f => options.Ids.Contains(f.Id)).ToList() : all.Failures;
        return new ScenarioSet(scenarios, failures);
    }

    /// <summary>Every id a waiver may name: the scenarios that loaded and the files that did not, by the id they most likely have.</summary>
    private static HashSet<string> SuiteIds(ScenarioSet all) =>
        new HashSet<string>(all.Scenarios.Select(s => s.Id).Concat(all.Failures.Select(f => f.Id)), StringComparer.Ordinal);

    /// <summary>A scenario judged on its own loads the suite's other files only if a waiver names another scenario, and then once.</summary>
    private static Func<IReadOnlySet<string>> SuiteIdsWhenAsked(SuiteOptions options)
    {
        var ids = new Lazy<IReadOnlySet<string>>(() => SuiteIds(ScenarioLoader.LoadEach(options.ScenariosDirectory)));
        return () => ids.Value;
    }

    private static ResultBundle LoadFailed(ScenarioLoadFailure failure, bool isCi) =>
        new(null, ScenarioVerdict.ForError(failure.Id, $"{failure.File} could not be loaded: {string.Join("; ", failure.Errors)}", isCi), null);

    /// <summary>The last line of defence: whatever escapes a scenario's own stages is still only that scenario's failure.</summary>
    private static ResultBundle Guarded(Scenario scenario, SuiteOptions options, IProgress<FrameProgress>? progress, Func<IReadOnlySet<string>> suiteIds)
    {
        try
        {
            return RunOne(scenario, options, progress, suiteIds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new ResultBundle(ScenarioFacts.Of(scenario), ScenarioVerdict.ForError(scenario.Id, $"{scenario.SourcePath}: failed: {e.GetType().Name}: {e.Message}", options.IsCi), null);
        }
    }

    /// <summary>
    /// Against the verified baseline and the waivers in force, or, for a comparison (<see cref="SuiteOptions.Candidate"/>),
    /// the candidate against the scenario as written.
    /// </summary>
    private static ResultBundle RunOne(Scenario scenario, SuiteOptions options, Func<ReplayOptions, ScenarioResult> replay, Func<IReadOnlySet<string>> suiteIds)
    {
        if (options.Candidate is { } candidate)
        {
            return Compare(scenario, options, candidate);
        }

        var store = new BaselineStore(options.BaselinesDirectory);

        // A scenario that borrows another's baseline never writes one: accepting is for the scenario that owns it.
        var bundle = Judge(scenario, options, replay, new BaselineSource("reading the baseline", () => store.ReadVerified(scenario.EffectiveBaselineId))
        {
            Keep = scenario.BaselineId is null ? (candidate, baseline, verdict) => KeepReceived(store, candidate, baseline, verdict) : null,
            Waivers = () => WaiverFileReader.ReadDirectory(options.BaselinesDirectory, scenario, Today(options.Hooks.Time), suiteIds),
        });
        return options.History is { } history ? bundle with { Trend = Trend(history, scenario) } : bundle;
    }

    /// <summary>How many of a metric's last recorded runs the report plots beside this one.</summary>
    internal const int TrendRuns = 20;

    /// <summary>A history that cannot be read costs the plots, never the verdict; the history reporter then fails the run naming the file.</summary>
    private static IReadOnlyList<MetricPoint> Trend(HistoryStore history, Scenario scenario)
    {
        try
        {
            return history.Recent(scenario.Id, scenario.Gates.Select(g => g.Metric).Distinct(StringComparer.Ordinal), TrendRuns);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return [];
        }
    }

    /// <summary>
    /// <c>harness compare</c>: the scenario as written is the baseline, the variant the run, both replayed once and kept
    /// in the <see cref="ReplayCache"/>; nothing is read from or written to the baselines folder.
    /// </summary>
    private static ResultBundle Compare(Scenario scenario, SuiteOptions options, ScenarioVariant variant)
    {
        Scenario candidate;
        try
        {
            candidate = variant.Apply(scenario);
        }
        catch (ScenarioValidationException e)
        {
            return new ResultBundle(ScenarioFacts.Of(scenario), ScenarioVerdict.ForError(scenario.Id, string.Join("; ", e.Errors), options.IsCi), null);
        }

        var cache = new ReplayCache(options.CacheDirectory);
        (ScenarioResult Result, bool Cached)? reference = null;
        var candidateCached = false;
        var bundle = Judge(candidate, options,
            replay =>
            {
                var (result, cached) = cache.Replay(candidate, replay, reference!.Value.Result.DetectionsSha256);
                candidateCached = cached;
                return result;
            },
            new BaselineSource("replaying the scenario as written", () =>
            {
                reference = cache.Replay(scenario, new ReplayOptions { Hooks = options.Hooks }, reviewKey: "");
                return GateEvaluator.CandidateBaseline(GateSubject.Of(scenario), reference.Value.Result);
            }));
        var notes = new List<string> { $"comparison: {variant.Describe()} against the scenario as written (its model {scenario.Model.Source}); nothing written under baselines/" };
        if (reference is { Cached: true } || candidateCached)
        {
            notes.Add($"replays read from {Path.Combine(options.CacheDirectory, "replays")}: {(reference is { Cached: true } ? "the scenario's" : "")}{(reference is { Cached: true } && candidateCached ? " and " : "")}{(candidateCached ? "the candidate's" : "")}");
        }

        return bundle with { Verdict = bundle.Verdict with { Notes = [.. notes, .. bundle.Verdict.Notes] } };
    }

    /// <summary>
    /// Where a run's baseline comes from, how a failure to get it is worded, what keeps the run's snapshot for accepting,
    /// and the waivers in force beside it (none for a comparison, which reads nothing under baselines/).
    /// </summary>
    private sealed record BaselineSource(string Doing, Func<BaselineSnapshot?> Read)
    {
        public Action<BaselineSnapshot, BaselineSnapshot?, ScenarioVerdict>? Keep { get; init; }

        public Func<IReadOnlyList<Waiver>> Waivers { get; init; } = () => [];
    }

    /// <summary>The day a waiver is in force on: the suite's clock (a test fixes it), in UTC so that every machine agrees.</summary>
    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <param name="replay">Replays the scenario with the suite's hooks and the baseline's detections to rank review frames by.</param>
    private static ResultBundle Judge(Scenario scenario, SuiteOptions options, Func<ReplayOptions, ScenarioResult> replay, BaselineSource source)
    {
        var facts = ScenarioFacts.Of(scenario);
        var policy = new GatePolicy(options.Run, options.IsCi, options.Strict);
        GateDefaults defaults;
        BaselineSnapshot? baseline;
        IReadOnlyList<Waiver> waivers;
        try
        {
            options.Hooks.Enter(scenario.Id, PipelineStage.ReadBaseline);
            defaults = GateDefaultsLoader.LoadDirectory(options.ScenariosDirectory);
            baseline = source.Read();
            waivers = source.Waivers();
        }
        catch (HarnessInputException e)
        {
            return new ResultBundle(facts, ScenarioVerdict.ForError(scenario.Id, e.Message, options.IsCi), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new ResultBundle(facts, ScenarioVerdict.ForError(scenario.Id, $"{scenario.SourcePath}: {source.Doing} failed: {e.GetType().Name}: {e.Message}", options.IsCi), null);
        }

        if (Refusal(scenario, baseline, defaults, options) is { } refusal)
        {
            return new ResultBundle(facts, ScenarioVerdict.ForError(scenario.Id, refusal, options.IsCi), null);
        }

        ScenarioResult result;
        double replaySeconds;
        var baselineDetections = baseline?.Detections?.Frames.Select(f => f.Detections).ToList();
        try
        {
            var start = options.Hooks.Time.GetTimestamp();
            result = replay(new ReplayOptions { Hooks = options.Hooks, ReviewBaseline = baselineDetections });
            replaySeconds = options.Hooks.Time.GetElapsedTime(start).TotalSeconds;
        }
        catch (Exception e) when (IsInputError(e))
        {
            return new ResultBundle(facts, ScenarioVerdict.ForError(scenario.Id, $"{scenario.SourcePath}: {e.Message}", options.IsCi), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new ResultBundle(facts, ScenarioVerdict.ForError(scenario.Id, $"{scenario.SourcePath}: replay failed: {e.GetType().Name}: {e.Message}", options.IsCi), null);
        }

        try
        {
            options.Hooks.Enter(scenario.Id, PipelineStage.Compare);
            var subject = GateSubject.Of(scenario) with { Waivers = waivers };
            var candidate = GateEvaluator.CandidateBaseline(subject, result);
            var evidence = baseline is null ? GateEvidence.PointValuesOnly() : Evidence(scenario, result, baseline, baselineDetections, defaults);
            var verdict = TideNote.With(WithLeftOutNote(GateEvaluator.Evaluate(subject, candidate, baseline, evidence, defaults, policy), result));
            source.Keep?.Invoke(candidate, baseline, verdict);

            return new ResultBundle(facts, verdict, ReviewImagePolicy.Apply(result, verdict, options.ReviewImages))
            {
                BaselineDetections = baselineDetections,
                ReplaySeconds = replaySeconds,
            };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The gate fails closed: a scenario that cannot be judged is a failure, and it never stops the others.
            return new ResultBundle(facts, ScenarioVerdict.ForError(scenario.Id, $"{scenario.SourcePath}: judging against the baseline failed: {e.GetType().Name}: {e.Message}", options.IsCi), result)
            {
                BaselineDetections = baselineDetections,
                ReplaySeconds = replaySeconds,
            };
        }
    }

    /// <summary>
    /// Why a scenario cannot be judged before it replays: under CI a baseline whose detection snapshot is missing or
    /// holds other detections than its JSON records; a gate the baseline's clip cannot resolve (its recorded supports).
    /// </summary>
    private static string? Refusal(Scenario scenario, BaselineSnapshot? baseline, GateDefaults defaults, SuiteOptions options)
    {
        if (baseline is null)
        {
            return null;
        }

        if (baseline.DetectionsProblem is { } problem && options.IsCi)
        {
            return $"{scenario.SourcePath}: {problem}";
        }

        var unresolved = UnresolvedGates(scenario, baseline, defaults, options.Run);
        return unresolved.Count > 0 ? $"{scenario.SourcePath}: gates this clip cannot resolve: {string.Join("; ", unresolved)}" : null;
    }

    /// <summary>
    /// The gates of <paramref name="scenario"/> judged in runs of kind <paramref name="run"/> that the clip a snapshot
    /// was measured on cannot resolve (<see cref="GateResolution"/>), from the supports and values the snapshot records.
    /// </summary>
    internal static IReadOnlyList<string> UnresolvedGates(Scenario scenario, BaselineSnapshot snapshot, GateDefaults defaults, RunKind run)
    {
        var subject = GateSubject.Of(scenario);
        return GateResolution.Problems(subject.IntervalGates(run), snapshot.Supports, snapshot.Metrics,
            scenario.MinSupport ?? defaults.MinSupport, subject.GatedConfidence(run, defaults.Statistics.Confidence));
    }

    /// <summary>Every reporter runs whatever the others do; the suite with the names of those that failed.</summary>
    internal static SuiteReport Export(SuiteReport suite, IReadOnlyList<IReporter> reporters, TextWriter? log)
    {
        var failed = new List<string>();
        foreach (var reporter in reporters)
        {
            try
            {
                reporter.Export(suite);
            }
            catch (Exception e)
            {
                failed.Add(reporter.Name);
                log?.WriteLine($"reporter '{reporter.Name}' failed (the verdicts stand; the run fails): {e.GetType().Name}: {e.Message}");
            }
        }

        if (failed.Count > 0 && log is not null)
        {
            // The reporter that failed may be the one that shows the verdicts: they are written here too.
            foreach (var scenario in suite.Scenarios)
            {
                log.Write(VerdictTable.Format(scenario.Verdict));
            }
        }

        return failed.Count == 0 ? suite : suite with { FailedReporters = failed };
    }

    private static GateEvidence Evidence(Scenario scenario, ScenarioResult result, BaselineSnapshot baseline,
        IReadOnlyList<IReadOnlyList<Detection>>? baselineDetections, GateDefaults defaults)
    {
        var sameInputs = baseline.ClipSha256 == result.ClipSha256 && baseline.ModelSha256 == result.ModelSha256 &&
            baseline.SettingsSha256 is not null && baseline.SettingsSha256 == result.SettingsSha256;
        var platform = result.Provenance is { } now && baseline.Provenance is { } then ? now.DifferencesFrom(then) : [];
        var evidence = GateEvidenceBuilder.Build(result, baseline, baselineDetections, sameInputs, platform, scenario.Model.Classes.EvaluationClasses,
            scenario.Postprocess, defaults, scenario.Streaming);
        return baseline.DetectionsProblem is { } problem ? evidence with { Notes = ["warning: " + problem, .. evidence.Notes] } : evidence;
    }

    /// <summary>
    /// Says which truth the metrics did not see: under <c>model.evaluate: mapped</c> a label no class_map key reaches is
    /// left out by design, and a class the user meant to score (a model's <c>car</c> for KITTI's <c>Car</c> without a
    /// <c>car</c> key) would otherwise vanish without a word.
    /// </summary>
    internal static ScenarioVerdict WithLeftOutNote(ScenarioVerdict verdict, ScenarioResult result) =>
        result.LeftOutLabels.Count == 0
            ? verdict
            : verdict with
            {
                Notes =
                [
                    .. verdict.Notes,
                    "truth left out of the metrics (model.evaluate: mapped, no class_map key reaches it): " +
                    string.Join(", ", result.LeftOutLabels.Select(l => string.Create(CultureInfo.InvariantCulture, $"'{l.Key}' {l.Value:N0} box{(l.Value == 1 ? "" : "es")}"))),
                ],
            };

    /// <summary>Received exists exactly while the run differs from verified, so accepting is always "promote what is there".</summary>
    private static void KeepReceived(BaselineStore store, BaselineSnapshot candidate, BaselineSnapshot? baseline, ScenarioVerdict verdict)
    {
        var settled = baseline is not null &&
            candidate.SameBehaviourAs(baseline) &&
            verdict.Metrics.All(m => m.Outcome is MetricOutcome.Pass or MetricOutcome.Skipped or MetricOutcome.LowSupport);
        if (settled)
        {
            store.DeleteReceived(candidate.ScenarioId);
        }
        else
        {
            store.WriteReceived(candidate);
        }
    }

    private static bool IsInputError(Exception e) =>
        e is HarnessInputException or IOException or UnauthorizedAccessException
            or InvalidDataException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException or FormatException or NotSupportedException;
}
