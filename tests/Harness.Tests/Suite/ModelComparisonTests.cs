using Harness.Gate;
using Harness.Running;
using Harness.Scenarios;
using Harness.Suite;
using Harness.TestKit;
using Harness.Tests.Testing;

namespace Harness.Tests.Suite;

/// <summary>
/// <c>harness compare</c> through the suite: a candidate judged against the scenario as written gives the rows a gate
/// run of the candidate against the accepted baseline gives, writes nothing under baselines, and comparing again reads
/// both replays from the cache instead of running the model.
/// </summary>
public sealed class ModelComparisonTests : IDisposable
{
    private const string Mixed = "reference://detector-v1-mixed";

    private readonly TemporaryDirectory temp = new("compare-");

    public ModelComparisonTests()
    {
        Directory.CreateDirectory(Scenarios);
        WriteScenario("street", "reference://detector-v1");
    }

    private string Scenarios => temp.Combine("scenarios");

    private string Baselines => temp.Combine("baselines");

    [Fact]
    public void The_candidate_gets_the_rows_a_run_against_the_accepted_baseline_gives_and_no_baseline_file_is_written()
    {
        GateSuite.RunOne(Load("street"), Options());
        Assert.True(new BaselineStore(Baselines).Accept("street"));
        WriteScenario("street-mixed", Mixed, baseline: "street");
        var baselineFiles = Directory.GetFiles(Baselines).Order(StringComparer.Ordinal).ToList();
        var run = GateSuite.RunOne(Load("street-mixed"), Options());

        var compared = GateSuite.RunOne(Load("street"), Options() with { BaselinesDirectory = "", Candidate = new ScenarioVariant(Mixed, []) });

        Assert.Null(compared.Verdict.Error);
        Assert.NotEmpty(run.Verdict.Metrics);
        Assert.Equal(Rows(run.Verdict), Rows(compared.Verdict));
        Assert.Equal(run.Result!.DetectionsSha256, compared.Result!.DetectionsSha256);
        Assert.Equal(baselineFiles, Directory.GetFiles(Baselines).Order(StringComparer.Ordinal));
        Assert.Contains($"comparison: --candidate {Mixed} against the scenario as written (its model reference://detector-v1); nothing written under baselines/", compared.Verdict.Notes);
    }

    [Fact]
    public void Comparing_again_runs_no_inference_and_judges_the_same()
    {
        var options = Options() with { BaselinesDirectory = "", Candidate = new ScenarioVariant(Mixed, []) };
        var (first, firstInferences) = Counted(options);
        var (second, secondInferences) = Counted(options);

        Assert.Equal(2 * Frames, firstInferences);
        Assert.Equal(0, secondInferences);
        Assert.Equal(Rows(first.Verdict), Rows(second.Verdict));
        Assert.Equal(first.Result!.DetectionsSha256, second.Result!.DetectionsSha256);
        Assert.Equal(Flips(first.Verdict), Flips(second.Verdict));
        Assert.Equal(first.Result.ReviewFrames.Select(f => f.FrameIndex), second.Result.ReviewFrames.Select(f => f.FrameIndex));
        Assert.DoesNotContain(first.Verdict.Notes, n => n.StartsWith("replays read from", StringComparison.Ordinal));
        Assert.Contains($"replays read from {Path.Combine(Cache, "replays")}: the scenario's and the candidate's", second.Verdict.Notes);
        Assert.False(Directory.Exists(Baselines));
    }

    [Fact]
    public void Another_setting_reinfers_only_the_candidate()
    {
        Counted(Options() with { BaselinesDirectory = "", Candidate = new ScenarioVariant(Mixed, []) });

        var (raised, inferences) = Counted(Options() with { BaselinesDirectory = "", Candidate = new ScenarioVariant(null, [SettingOverride.Parse("postprocess.score_threshold=0.6")]) });

        Assert.Equal(Frames, inferences);
        Assert.Null(raised.Verdict.Error);
        Assert.Contains($"replays read from {Path.Combine(Cache, "replays")}: the scenario's", raised.Verdict.Notes);
        Assert.True(raised.Verdict.Metrics.Single(m => m.Metric == "fp_per_frame").Change < 0);
    }

    [Fact]
    public void A_cache_entry_that_cannot_be_read_is_replayed_again()
    {
        var options = Options() with { BaselinesDirectory = "", Candidate = new ScenarioVariant(Mixed, []) };
        var (first, _) = Counted(options);
        foreach (var truth in Directory.GetFiles(Path.Combine(Cache, "replays"), "truth.bin", SearchOption.AllDirectories))
        {
            File.WriteAllBytes(truth, [1, 2, 3]);
        }

        var (again, inferences) = Counted(options);

        Assert.Equal(2 * Frames, inferences);
        Assert.Equal(Rows(first.Verdict), Rows(again.Verdict));
    }

    [Fact]
    public void A_variant_that_is_not_a_valid_scenario_is_that_scenarios_error_naming_file_setting_and_option()
    {
        var bundle = GateSuite.RunOne(Load("street"), Options() with { BaselinesDirectory = "", Candidate = new ScenarioVariant(null, [SettingOverride.Parse("postprocess.score_treshold=0.3")]) });

        Assert.Null(bundle.Result);
        Assert.Contains(Path.Combine(Scenarios, "street.yaml"), bundle.Verdict.Error, StringComparison.Ordinal);
        Assert.Contains("score_treshold", bundle.Verdict.Error, StringComparison.Ordinal);
        Assert.Contains("(with --set postprocess.score_treshold=0.3)", bundle.Verdict.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Cache, "replays")));
    }

    private const int Frames = 40;

    private string Cache => temp.Combine("cache");

    public void Dispose() => temp.Dispose();

    private static List<(string, double?, double?, double?, double?, string, MetricOutcome, long?)> Rows(ScenarioVerdict verdict) =>
        [.. verdict.Metrics.Select(m => (m.Metric, m.Baseline, m.Measured, m.Low, m.High, m.Allowed, m.Outcome, m.Support))];

    private static (int, int, int, int, int) Flips(ScenarioVerdict verdict) =>
        (verdict.Flips!.Lost, verdict.Flips.Found, verdict.Flips.ClassChanged, verdict.Flips.FalsePositivesAppeared, verdict.Flips.FalsePositivesGone);

    private (Harness.Results.ResultBundle Bundle, int Inferences) Counted(SuiteOptions options)
    {
        var inferences = 0;
        var hooks = new RunHooks { Entering = (_, stage) => inferences += stage == PipelineStage.Infer ? 1 : 0 };
        var bundle = GateSuite.RunOne(Load("street"), options with { Hooks = hooks });
        return (bundle, inferences);
    }

    private Scenario Load(string id) => ScenarioLoader.LoadFile(Path.Combine(Scenarios, id + ".yaml"));

    private SuiteOptions Options() =>
        new(Scenarios, Baselines, Cache, null, [], RunKind.PullRequest, IsCi: false) { ResultsDirectory = temp.Combine("results") };

    private void WriteScenario(string id, string model, string? baseline = null) =>
        File.WriteAllText(Path.Combine(Scenarios, id + ".yaml"),
            ScenarioYaml.Create(id, $"synthetic://urban-day?seed=7&frames={Frames}", model: model, baseline: baseline, gated: false) +
            "min_support: 10\ngates:\n  - metric: coco/AP\n    max_drop: 0.5\n  - metric: fp_per_frame\n    max_increase: 500%\n");
}
