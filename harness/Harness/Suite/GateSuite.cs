using Harness.Gate;
using Harness.Reporting;
using Harness.Running;
using Harness.Scenarios;

namespace Harness.Suite;

/// <summary>
/// A whole gate run: select scenarios, replay each, judge it against its baseline, keep the received snapshot when
/// anything differs, and hand the verdicts to the reporters. A scenario that cannot run is a failed scenario.
/// </summary>
public static class GateSuite
{
    /// <summary>
    /// Scenarios named by id, else those with the tag, else every scenario that is not a canary. Canaries (known-bad
    /// models kept to prove the gate catches them) run only when asked for by id or tag.
    /// </summary>
    public static IReadOnlyList<Scenario> Select(SuiteOptions options)
    {
        var all = ScenarioLoader.LoadDirectory(options.ScenariosDirectory);
        var unknown = options.Ids.Where(id => all.All(s => s.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            throw new ScenarioValidationException(unknown.Select(id => new ValidationError(options.ScenariosDirectory, 0, 0, "id", $"no scenario with id '{id}'")).ToList());
        }

        return all
            .Where(s => options.Ids.Count > 0 ? options.Ids.Contains(s.Id) : options.Tag is { } tag ? s.HasTag(tag) : !s.HasTag(ScenarioLoader.CanaryTag))
            .ToList();
    }

    public static SuiteReport Run(SuiteOptions options, IReadOnlyList<IReporter> reporters, IProgress<FrameProgress>? progress = null, TextWriter? log = null)
    {
        var reports = Select(options).Select(s => RunOne(s, options, progress)).ToList();
        var suite = new SuiteReport(reports, options.Run, options.IsCi);
        foreach (var reporter in reporters)
        {
            try
            {
                reporter.Export(suite);
            }
            catch (Exception e)
            {
                log?.WriteLine($"reporter '{reporter.Name}' failed (the verdict stands): {e.Message}");
            }
        }

        return suite;
    }

    public static ScenarioReport RunOne(Scenario scenario, SuiteOptions options, IProgress<FrameProgress>? progress = null)
    {
        var policy = new GatePolicy(options.Run, options.IsCi, options.Strict);
        var store = new BaselineStore(options.BaselinesDirectory);
        GateDefaults defaults;
        BaselineSnapshot? baseline;
        try
        {
            defaults = GateDefaultsLoader.LoadDirectory(options.ScenariosDirectory);
            baseline = store.ReadVerified(scenario.EffectiveBaselineId);
        }
        catch (Exception e) when (e is BaselineFormatException or ScenarioValidationException)
        {
            return new ScenarioReport(scenario, ScenarioVerdict.ForError(scenario.Id, e.Message, options.IsCi), null);
        }

        ScenarioResult result;
        var baselineDetections = baseline?.Detections?.Frames.Select(f => f.Detections).ToList();
        try
        {
            result = ScenarioRunner.Run(scenario, options.CacheDirectory, progress, baselineDetections);
        }
        catch (Exception e) when (IsInputError(e))
        {
            return new ScenarioReport(scenario, ScenarioVerdict.ForError(scenario.Id, $"{scenario.SourcePath}: {e.Message}", options.IsCi), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new ScenarioReport(scenario, ScenarioVerdict.ForError(scenario.Id, $"{scenario.SourcePath}: replay failed: {e.GetType().Name}: {e.Message}", options.IsCi), null);
        }

        try
        {
            var measured = GateEvaluator.Snapshot(scenario, result);
            var evidence = baseline is null ? GateEvidence.PointValuesOnly() : Evidence(scenario, result, baseline, baselineDetections, defaults);
            var verdict = GateEvaluator.Evaluate(scenario, measured, baseline, evidence, defaults, policy);
            if (scenario.BaselineId is null)
            {
                KeepReceived(store, measured, baseline, verdict);
            }

            return new ScenarioReport(scenario, verdict, result) { BaselineDetections = baselineDetections };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The gate fails closed: a scenario that cannot be judged is a failure, and it never stops the others.
            return new ScenarioReport(scenario, ScenarioVerdict.ForError(scenario.Id, $"{scenario.SourcePath}: judging against the baseline failed: {e.GetType().Name}: {e.Message}", options.IsCi), result);
        }
    }

    private static GateEvidence Evidence(Scenario scenario, ScenarioResult result, BaselineSnapshot baseline,
        IReadOnlyList<IReadOnlyList<Postprocessing.Detection>>? baselineDetections, GateDefaults defaults)
    {
        var sameInputs = baseline.ClipSha256 == result.ClipSha256 && baseline.ModelSha256 == result.ModelSha256 &&
            baseline.SettingsSha256 is not null && baseline.SettingsSha256 == result.SettingsSha256;
        var platform = result.Provenance is { } now && baseline.Provenance is { } then ? now.DifferencesFrom(then) : [];
        return GateEvidenceBuilder.Build(result, baseline, baselineDetections, sameInputs, platform, scenario.Model.Classes.EvaluationClasses, defaults);
    }

    /// <summary>Received exists exactly while the run differs from verified, so accepting is always "promote what is there".</summary>
    private static void KeepReceived(BaselineStore store, BaselineSnapshot measured, BaselineSnapshot? baseline, ScenarioVerdict verdict)
    {
        var settled = baseline is not null &&
            measured.SameBehaviourAs(baseline) &&
            verdict.Metrics.All(m => m.Outcome is MetricOutcome.Pass or MetricOutcome.Skipped or MetricOutcome.LowSupport);
        if (settled)
        {
            store.DeleteReceived(measured.ScenarioId);
        }
        else
        {
            store.WriteReceived(measured);
        }
    }

    private static bool IsInputError(Exception e) =>
        e is ScenarioInputException or Clips.ClipFormatException or Clips.Messages.MessageFormatException
            or Postprocessing.OutputShapeException or Inference.DetectorModelException or IOException or UnauthorizedAccessException
            or InvalidDataException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException or FormatException or NotSupportedException;
}
