using Harness.Scenarios;
using Harness.TestKit;
using Harness.Testing;

namespace Harness.Tests.Scenarios;

public sealed class GateDefaultsLoaderTests
{
    [Fact]
    public void Checked_in_defaults_equal_the_documented_built_in_values()
    {
        var loaded = GateDefaultsLoader.LoadDirectory(RepositoryPaths.Scenarios);

        Assert.Equal(GateDefaults.BuiltIn.Statistics, loaded.Statistics);
        Assert.Equal(GateDefaults.BuiltIn.MinSupport, loaded.MinSupport);
        Assert.Equal(GateDefaults.BuiltIn.Equivalence, loaded.Equivalence);
        Assert.Equal(GateDefaults.BuiltIn.Ungated, loaded.Ungated);
    }

    [Fact]
    public void Defaults_file_of_a_suite_is_read_from_its_directory()
    {
        using var suite = new TemporaryDirectory("defaults-");
        File.WriteAllText(suite.Combine(GateDefaults.FileName), "min_support: 7\nstatistics:\n  resamples: 20\n");

        var loaded = GateDefaultsLoader.LoadDirectory(suite.Path);

        Assert.Equal((7, 20), (loaded.MinSupport, loaded.Statistics.Resamples));
    }

    [Fact]
    public void Suite_without_a_defaults_file_uses_the_built_in_values()
    {
        using var empty = new TemporaryDirectory("defaults-");

        Assert.Same(GateDefaults.BuiltIn, GateDefaultsLoader.LoadDirectory(empty.Path));
    }

    [Fact]
    public void Listed_family_replaces_the_built_in_rule_and_omitted_keys_keep_theirs()
    {
        var defaults = GateDefaultsLoader.Parse("min_support: 10\nungated:\n  - family: coco/\n    max_change: 2%\n    min_support: 50\n    on_regression: fail\n", "d.yaml");

        Assert.Equal(10, defaults.MinSupport);
        Assert.Equal(GateDefaults.BuiltIn.Statistics, defaults.Statistics);
        var coco = defaults.FamilyOf("coco/AP50/car")!;
        Assert.Equal(new MetricFamilyRule("coco/", new Tolerance(0.02, Relative: true), 50, Fails: true), coco);
        Assert.Equal(GateDefaults.BuiltIn.Ungated.Count, defaults.Ungated.Count);
    }

    [Fact]
    public void Equivalence_keys_the_file_leaves_out_keep_their_built_in_values()
    {
        var defaults = GateDefaultsLoader.Parse("equivalence:\n  iou: 0.02\n", "d.yaml");

        Assert.Equal(GateDefaults.BuiltIn.Equivalence with { Iou = 0.02 }, defaults.Equivalence);
    }

    [Theory]
    [InlineData("statistics:\n  possible_regression: warn\n", false)]
    [InlineData("statistics:\n  possible_regression: fail\n", true)]
    [InlineData("statistics:\n  resamples: 10\n", true)]
    public void Possible_regressions_fail_unless_the_file_says_warn(string yaml, bool fails)
    {
        Assert.Equal(fails, GateDefaultsLoader.Parse(yaml, "d.yaml").Statistics.PossibleRegressionFails);
    }

    [Fact]
    public void Longest_family_prefix_wins()
    {
        var defaults = GateDefaults.BuiltIn with
        {
            Ungated = [new MetricFamilyRule("recall@0.5", new Tolerance(0.02, false), null, false), new MetricFamilyRule("recall@0.5/pedestrian", new Tolerance(0.05, false), null, true)],
        };

        Assert.Equal(0.05, defaults.FamilyOf("recall@0.5/pedestrian/range:0-30m")!.MaxChange.Amount);
        Assert.Equal(0.02, defaults.FamilyOf("recall@0.5/car")!.MaxChange.Amount);
        Assert.Null(defaults.FamilyOf("latency/p99_ms"));
    }

    [Theory]
    [InlineData("statistics:\n  resamples: -1\n", "d.yaml:2:14: statistics.resamples: must be between 0 and 100000")]
    [InlineData("statistics:\n  resamples: 100001\n", "statistics.resamples: must be between 0 and 100000")]
    [InlineData("statistics:\n  confidence: 1\n", "statistics.confidence: must be between 0 and 1")]
    [InlineData("statistics:\n  confidence: 0\n", "statistics.confidence: must be between 0 and 1")]
    [InlineData("statistics:\n  block_seconds: 0\n", "statistics.block_seconds: must be greater than 0")]
    [InlineData("statistics:\n  seed: -3\n", "statistics.seed: must be 0 or more")]
    [InlineData("statistics:\n  blocks: 3\n", "statistics.blocks: unknown key")]
    [InlineData("statistics:\n  possible_regression: block\n", "statistics.possible_regression: unknown value 'block' (expected one of: fail, warn)")]
    [InlineData("min_support: -1\n", "min_support: must be 0 or more")]
    [InlineData("equivalence:\n  box_px: -0.5\n", "equivalence.box_px: must be 0 or more")]
    [InlineData("equivalence:\n  score: -1\n", "equivalence.score: must be 0 or more")]
    [InlineData("equivalence:\n  iou: -0.001\n", "d.yaml:2:8: equivalence.iou: must be between 0 and 1 (an IoU distance from the NMS threshold), e.g. 0.005")]
    [InlineData("equivalence:\n  iou: 1.5\n", "equivalence.iou: must be between 0 and 1")]
    [InlineData("equivalence:\n  iou: 5%\n", "equivalence.iou: expected a number, found '5%'")]
    [InlineData("ungated:\n  - family: coco/\n", "ungated[0].max_change: is required")]
    [InlineData("ungated:\n  - family: coco/\n    max_change: 0.1\n    on_regression: block\n", "unknown value 'block' (expected one of: warn, fail)")]
    [InlineData("ungated:\n  - family: coco/\n    max_change: 0.1\n    min_support: -2\n", "ungated[0].min_support: must be 0 or more")]
    [InlineData("ungated:\n  - family: coco/\n    max_change: 0.1\n  - family: coco/\n    max_change: 0.2\n", "'coco/' is listed twice")]
    [InlineData("gates: []\n", "gates: unknown key")]
    [InlineData("equivalence:\n  boxes: 1\n", "equivalence.boxes: unknown key")]
    [InlineData("ungated:\n  - family: coco/\n    max_change: 0.1\n    gate: true\n", "ungated[0].gate: unknown key")]
    [InlineData("ungated:\n  - max_change: 0.1\n", "ungated[0].family: is required")]
    [InlineData("ungated:\n  - family: cocoo/\n    max_change: 0.1\n", "d.yaml:2:13: ungated[0].family: unknown metric family 'cocoo' in 'cocoo/' (expected one of: coco, precision@0.5, recall@0.5, f1@0.5, fp_per_frame, matched_iou, flicker, class_switches, jitter_px, frames_to_detect, tide, streaming, latency, throughput)")]
    [InlineData("- a\n", "expected one YAML document whose top level is a mapping")]
    [InlineData("a: [\n", "invalid YAML")]
    public void Bad_values_are_errors_naming_file_and_field(string yaml, string expected)
    {
        var error = Assert.Throws<ScenarioValidationException>(() => GateDefaultsLoader.Parse(yaml, "d.yaml"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("d.yaml:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("statistics:\n  resamples: 0\n")]
    [InlineData("statistics:\n  resamples: 100000\n")]
    [InlineData("min_support: 0\n")]
    [InlineData("statistics:\n  seed: 0\n")]
    [InlineData("ungated:\n  - family: coco/\n    max_change: 0\n    min_support: 0\n")]
    [InlineData("equivalence:\n  box_px: 0\n  score: 0\n  iou: 0\n")]
    [InlineData("equivalence:\n  iou: 1\n")]
    public void Values_at_their_limits_are_accepted(string yaml)
    {
        _ = GateDefaultsLoader.Parse(yaml, "d.yaml");
    }

    [Fact]
    public void Scenario_directory_loading_skips_the_defaults_file()
    {
        var scenarios = ScenarioLoader.LoadDirectory(RepositoryPaths.Scenarios);

        Assert.DoesNotContain(scenarios, s => s.SourcePath.EndsWith(GateDefaults.FileName, StringComparison.Ordinal));
        Assert.Contains(scenarios, s => s.Id == "urban-day");
    }
}
