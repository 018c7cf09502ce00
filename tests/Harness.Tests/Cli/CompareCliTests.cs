using Harness.Reporting;
using Harness.TestKit;
using Harness.Tests.Testing;

namespace Harness.Tests.Cli;

public sealed class CompareCliTests
{
    [Fact]
    public void Without_a_candidate_or_a_setting_there_is_nothing_to_compare()
    {
        using var directory = new TemporaryDirectory();

        var result = HarnessCli.Run(directory.Path, ci: false, "compare", "--scenario", "tiny");

        Assert.True(result.ExitCode == SuiteReport.ExitInputError, result.ToString());
        Assert.Contains("nothing to compare: give the candidate model (--candidate) and/or the settings it changes (--set key=value)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_setting_without_a_value_is_refused_before_anything_runs()
    {
        using var directory = new TemporaryDirectory();

        var result = HarnessCli.Run(directory.Path, ci: false, "compare", "--scenario", "tiny", "--set", "postprocess.score_threshold");

        Assert.True(result.ExitCode == SuiteReport.ExitInputError, result.ToString());
        Assert.Contains("--set postprocess.score_threshold: expected key.path=value", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory.Combine("artifacts")));
    }

    [Fact]
    public void A_comparison_that_loses_AP_exits_as_a_regressed_run_reports_and_leaves_no_baseline()
    {
        using var directory = new TemporaryDirectory();
        Directory.CreateDirectory(directory.Combine("scenarios"));
        File.WriteAllText(directory.Combine("scenarios", "tiny.yaml"), ScenarioYaml.Create("tiny"));

        var result = HarnessCli.Run(directory.Path, ci: true, "compare", "--scenario", "tiny", "--set", "postprocess.score_threshold=0.5");

        // The file's one gate allows coco/AP no drop (a floor without max_drop); a higher threshold loses a pedestrian.
        Assert.True(result.ExitCode == SuiteReport.ExitRegression, result.ToString());
        Assert.Contains("tiny: regressed", result.Output, StringComparison.Ordinal);
        Assert.Contains("comparison: --set postprocess.score_threshold=0.5 against the scenario as written", result.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(directory.Combine("artifacts", "compare", "report", "index.html")));
        Assert.True(File.Exists(directory.Combine("artifacts", "compare", "results", "run.json")));
        Assert.False(Directory.Exists(directory.Combine("baselines")));
    }

    [Fact]
    public void A_sweep_prints_and_writes_each_class_against_the_threshold()
    {
        using var directory = new TemporaryDirectory();
        Directory.CreateDirectory(directory.Combine("scenarios"));
        File.WriteAllText(directory.Combine("scenarios", "tiny.yaml"), ScenarioYaml.Create("tiny"));

        var result = HarnessCli.Run(directory.Path, ci: true, "compare", "--scenario", "tiny", "--sweep", "postprocess.score_threshold=0.2:0.4:0.1");

        Assert.True(result.ExitCode == SuiteReport.ExitPass, result.ToString());
        Assert.Contains("### pedestrian: recommended threshold ", result.Output, StringComparison.Ordinal);
        Assert.Contains("| 0.40 |", result.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(directory.Combine("artifacts", "compare", "report", "sweep.json")));
        Assert.True(File.Exists(directory.Combine("artifacts", "compare", "report", "sweep.md")));
    }

    [Fact]
    public void A_sweep_of_another_setting_is_refused()
    {
        using var directory = new TemporaryDirectory();

        var result = HarnessCli.Run(directory.Path, ci: false, "compare", "--scenario", "tiny", "--sweep", "postprocess.iou_threshold=0.3:0.6:0.1");

        Assert.True(result.ExitCode == SuiteReport.ExitInputError, result.ToString());
        Assert.Contains("only postprocess.score_threshold can be swept from one replay", result.Error, StringComparison.Ordinal);
    }
}
