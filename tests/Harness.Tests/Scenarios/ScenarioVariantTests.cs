using Harness.Scenarios;
using Harness.TestKit;
using Harness.Tests.Testing;

namespace Harness.Tests.Scenarios;

public sealed class ScenarioVariantTests : IDisposable
{
    private readonly TemporaryDirectory temp = new("variant-");

    [Theory]
    [InlineData("postprocess.score_threshold")]
    [InlineData("=0.3")]
    [InlineData("postprocess..score_threshold=0.3")]
    [InlineData("postprocess. score_threshold=0.3")]
    [InlineData(".score_threshold=0.3")]
    public void A_setting_that_is_not_key_path_equals_value_is_refused_with_an_example(string text)
    {
        var error = Assert.Throws<FormatException>(() => SettingOverride.Parse(text));

        Assert.Equal($"--set {text}: expected key.path=value, e.g. postprocess.score_threshold=0.3", error.Message);
    }

    [Fact]
    public void A_value_that_is_not_YAML_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => SettingOverride.Parse("model.classes=[car, truck"));

        Assert.StartsWith("--set model.classes=[car, truck: the value is not a YAML value (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_value_may_be_empty_or_contain_equals_signs()
    {
        Assert.Equal(new[] { "description" }, SettingOverride.Parse("description=a=b").Path);
        Assert.Equal("a=b", SettingOverride.Parse("description=a=b").Value);
        Assert.Equal("", SettingOverride.Parse("description=").Value);
    }

    [Fact]
    public void The_candidate_model_replaces_the_source_and_its_pin_and_a_path_is_taken_from_the_working_directory()
    {
        var scenario = Write(ScenarioYaml.Create("s", clipPin: "", model: "reference://detector-v1").Replace("  layout: yolov8\n", "  sha256: 09357d258bef337fef42ae6e099898fb299e62c458241dcdd4a4ea4e7112d390\n  layout: yolov8\n", StringComparison.Ordinal));

        var candidate = temp.Combine("candidate.onnx");
        File.WriteAllBytes(candidate, [0]);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, candidate);

        var byName = new ScenarioVariant("reference://detector-v1-mixed", []).Apply(scenario);
        var byPath = new ScenarioVariant(relative, []).Apply(scenario);

        Assert.NotNull(scenario.Model.Sha256);
        Assert.Equal("reference://detector-v1-mixed", byName.Model.Source);
        Assert.Null(byName.Model.Sha256);
        Assert.False(Path.IsPathRooted(relative));
        Assert.Equal(candidate, byPath.Model.Source);
        Assert.Equal(scenario.Id, byName.Id);
        Assert.Equal(scenario.SourcePath, byName.SourcePath);
    }

    [Fact]
    public void Settings_replace_values_and_make_the_sections_the_file_leaves_out()
    {
        var scenario = Write(ScenarioYaml.Create("s"));

        var variant = new ScenarioVariant(null, [SettingOverride.Parse("postprocess.score_threshold=0.6"), SettingOverride.Parse("model.classes=[car, pedestrian]")]).Apply(scenario);

        Assert.Equal(0.25f, scenario.Postprocess.ScoreThreshold);
        Assert.Equal(0.6f, variant.Postprocess.ScoreThreshold);
        Assert.Equal(["car", "pedestrian"], variant.Model.Classes.EvaluationClasses);
        Assert.Equal("reference://detector-v1", variant.Model.Source);
        Assert.Equal("--set postprocess.score_threshold=0.6 --set model.classes=[car, pedestrian]", new ScenarioVariant(null, [SettingOverride.Parse("postprocess.score_threshold=0.6"), SettingOverride.Parse("model.classes=[car, pedestrian]")]).Describe());
    }

    [Fact]
    public void A_value_the_scenario_rules_refuse_names_the_file_the_field_and_the_option()
    {
        var scenario = Write(ScenarioYaml.Create("s"));

        var error = Assert.Throws<ScenarioValidationException>(() => new ScenarioVariant("reference://detector-v1-mixed", [SettingOverride.Parse("postprocess.score_threshold=1.5")]).Apply(scenario));

        var problem = Assert.Single(error.Errors);
        Assert.Equal(scenario.SourcePath, problem.File);
        Assert.Equal("postprocess.score_threshold", problem.Field);
        Assert.EndsWith("(with --candidate reference://detector-v1-mixed --set postprocess.score_threshold=1.5)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_changed_is_empty()
    {
        Assert.True(new ScenarioVariant(null, []).IsEmpty);
        Assert.False(new ScenarioVariant("m.onnx", []).IsEmpty);
        Assert.False(new ScenarioVariant(null, [SettingOverride.Parse("a=1")]).IsEmpty);
    }

    public void Dispose() => temp.Dispose();

    private Scenario Write(string yaml)
    {
        var path = temp.Combine("s.yaml");
        File.WriteAllText(path, yaml);
        return ScenarioLoader.LoadFile(path);
    }
}
