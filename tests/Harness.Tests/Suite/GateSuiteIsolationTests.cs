using Harness.Reporting;
using Harness.Running;
using Harness.Scenarios;
using Harness.Suite;
using Harness.TestKit;
using Harness.Testing;
using Harness.Tests.Testing;

namespace Harness.Tests.Suite;

/// <summary>
/// One broken scenario never stops the suite: an exception of a type no stage expects, thrown for one scenario at
/// any stage, fails that scenario only; the other scenario's verdict, every report and a failing exit code remain.
/// </summary>
public sealed class GateSuiteIsolationTests : IDisposable
{
    private readonly TemporaryDirectory temp = new("suite-isolation-");

    public GateSuiteIsolationTests()
    {
        Directory.CreateDirectory(Scenarios);
        WriteScenario("broken");
        WriteScenario("tiny");
    }

    public static TheoryData<string> Stages => [.. Enum.GetNames<PipelineStage>()];

    private string Scenarios => temp.Combine("scenarios");

    private string Reports => temp.Combine("report");

    [Theory]
    [MemberData(nameof(Stages))]
    public void Unexpected_exception_at_any_stage_fails_only_its_scenario(string stageName)
    {
        var stage = Enum.Parse<PipelineStage>(stageName);
        var recorder = new RecordingReporter();

        var hooks = new RunHooks
        {
            Entering = (subject, entered) =>
            {
                if (entered == stage && (subject == "broken" || subject.EndsWith("broken.yaml", StringComparison.Ordinal)))
                {
                    throw new InvalidCastException($"injected at {entered}");
                }
            },
        };

        var suite = GateSuite.Run(Options() with { Hooks = hooks }, [new MarkdownReporter(Reports), recorder]);

        var broken = Assert.Single(suite.Scenarios, s => s.Verdict.ScenarioId == "broken").Verdict;
        Assert.Contains($"InvalidCastException: injected at {stage}", broken.Error, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(Scenarios, "broken.yaml"), broken.Error, StringComparison.Ordinal);
        var tiny = Assert.Single(suite.Scenarios, s => s.Verdict.ScenarioId == "tiny");
        Assert.Null(tiny.Verdict.Error);
        Assert.Equal(2, tiny.Result!.Frames);
        Assert.Same(suite.Scenarios, recorder.Received!.Scenarios);
        var summary = File.ReadAllText(Path.Combine(Reports, "summary.md"));
        Assert.Contains("| broken ", summary, StringComparison.Ordinal);
        Assert.Contains("| tiny ", summary, StringComparison.Ordinal);
        Assert.Equal(SuiteReport.ExitInputError, suite.ExitCode);
    }

    [Fact]
    public void Scenario_file_that_does_not_load_is_a_failed_scenario_naming_file_line_and_field()
    {
        File.WriteAllText(Path.Combine(Scenarios, "broken.yaml"), File.ReadAllText(Path.Combine(Scenarios, "broken.yaml"))
            .Replace("classes: [car, pedestrian, cyclist]", "classes: [car, pedestrian/walking, cyclist]", StringComparison.Ordinal));

        var suite = GateSuite.Run(Options(), []);

        var broken = Assert.Single(suite.Scenarios, s => s.Verdict.ScenarioId == "broken");
        Assert.Null(broken.Scenario);
        Assert.Contains($"{Path.Combine(Scenarios, "broken.yaml")}:9:", broken.Verdict.Error, StringComparison.Ordinal);
        Assert.Contains("model.classes: 'pedestrian/walking' cannot name an evaluation class", broken.Verdict.Error, StringComparison.Ordinal);
        Assert.Null(Assert.Single(suite.Scenarios, s => s.Verdict.ScenarioId == "tiny").Verdict.Error);
        Assert.Equal(SuiteReport.ExitInputError, suite.ExitCode);
    }

    [Fact]
    public void Reporter_that_throws_leaves_the_other_reporters_and_the_verdicts_and_fails_the_run()
    {
        File.Delete(Path.Combine(Scenarios, "broken.yaml"));
        var recorder = new RecordingReporter();
        var log = new StringWriter();

        var suite = GateSuite.Run(Options(), [new ThrowingReporter(), new MarkdownReporter(Reports), recorder], null, log);

        var tiny = Assert.Single(suite.Scenarios).Verdict;
        Assert.Null(tiny.Error);
        Assert.False(tiny.Failed);
        Assert.Same(suite.Scenarios, recorder.Received!.Scenarios);
        Assert.Contains("| tiny ", File.ReadAllText(Path.Combine(Reports, "summary.md")), StringComparison.Ordinal);
        Assert.Equal(["throwing"], suite.FailedReporters);
        Assert.Contains("reporter 'throwing' failed (the verdicts stand; the run fails): InvalidCastException: no such cast", log.ToString(), StringComparison.Ordinal);
        Assert.Contains(VerdictTable.Format(tiny), log.ToString(), StringComparison.Ordinal);
        Assert.Equal(SuiteReport.ExitInputError, suite.ExitCode);
    }

    [Fact]
    public void Results_folder_that_cannot_be_written_fails_the_run_and_the_reports_still_get_the_verdicts()
    {
        File.Delete(Path.Combine(Scenarios, "broken.yaml"));
        File.WriteAllText(temp.Combine("results"), "a file where the results folder belongs");
        var log = new StringWriter();

        var suite = GateSuite.Run(Options(), [new MarkdownReporter(Reports)], null, log);

        Assert.Null(Assert.Single(suite.Scenarios).Verdict.Error);
        Assert.Contains("| tiny ", File.ReadAllText(Path.Combine(Reports, "summary.md")), StringComparison.Ordinal);
        Assert.Equal([GateSuite.ResultsReporterName], suite.FailedReporters);
        Assert.Contains($"result bundles not written to {temp.Combine("results")} (the verdicts stand; the run fails)", log.ToString(), StringComparison.Ordinal);
        Assert.Equal(SuiteReport.ExitInputError, suite.ExitCode);
    }

    [Fact]
    public void Loading_a_directory_keeps_every_file_that_loads()
    {
        var set = ScenarioLoader.LoadEach(Scenarios, file => file.EndsWith("broken.yaml", StringComparison.Ordinal)
            ? throw new InvalidCastException("injected")
            : ScenarioLoader.LoadFile(file));

        Assert.Equal(["tiny"], set.Scenarios.Select(s => s.Id));
        var failure = Assert.Single(set.Failures);
        Assert.Equal(("broken", $"{Path.Combine(Scenarios, "broken.yaml")}:0:0: could not be loaded: InvalidCastException: injected"), (failure.Id, Assert.Single(failure.Errors).ToString()));
        Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.LoadDirectory(temp.Combine("missing")));
    }

    public void Dispose() => temp.Dispose();

    private SuiteOptions Options() =>
        new(Scenarios, temp.Combine("baselines"), RepositoryPaths.Cache, null, [], RunKind.PullRequest, IsCi: false) { ResultsDirectory = temp.Combine("results") };

    private void WriteScenario(string id) =>
        File.WriteAllText(Path.Combine(Scenarios, id + ".yaml"), ScenarioYaml.Create(id));

    private sealed class RecordingReporter : IReporter
    {
        public SuiteReport? Received { get; private set; }

        public string Name => "recording";

        public void Export(SuiteReport report) => Received = report;
    }

    private sealed class ThrowingReporter : IReporter
    {
        public string Name => "throwing";

        public void Export(SuiteReport report) => throw new InvalidCastException("no such cast");
    }
}
