using System.Text.Json;
using Harness.Postprocessing.Layouts;
using Harness.Running;
using Harness.Scenarios;
using Harness.Testing;

namespace Harness.Tests.Scenarios;

/// <summary>model.layout and the layout-specific settings beside it: read, validated with file:line, and hashed.</summary>
public sealed class LayoutSettingsLoadingTests
{
    private const string Template = """
        id: s
        tags: [pr]
        clip:
          source: synthetic://urban-day
        model:
          source: reference://detector-v1
          layout: LAYOUT
          input: { width: 640, height: 640 }
          classes: [car, pedestrian]
        """;

    [Fact]
    public void Unknown_layout_names_file_line_and_every_registered_layout()
    {
        var error = Assert.Single(Errors(Scenario("yolov9")));

        Assert.Equal("s.yaml", error.File);
        Assert.Equal(7, error.Line);
        Assert.Equal("model.layout", error.Field);
        Assert.Equal($"unknown layout 'yolov9' (expected one of: {string.Join(", ", OutputLayouts.Names)})", error.Message);
        Assert.Contains("yolox", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Layout_settings_are_read_in_canonical_form()
    {
        var yolox = ScenarioLoader.Parse(Scenario("yolox", "strides: [8, 16, 32, 64]"), "s.yaml");
        var ssd = ScenarioLoader.Parse(Scenario("ssd", "background: first", "coordinates: normalized"), "s.yaml");

        Assert.Same(OutputLayouts.Get("yolox"), yolox.Model.Layout);
        Assert.Equal("8,16,32,64", yolox.Model.LayoutSettings["strides"]);
        Assert.Equal([8, 16, 32, 64], yolox.Model.LayoutSettings.Integers("strides").ToArray());
        Assert.Equal("first", ssd.Model.LayoutSettings["background"]);
        Assert.Equal("normalized", ssd.Model.LayoutSettings["coordinates"]);
    }

    [Fact]
    public void Settings_left_out_take_the_layout_defaults()
    {
        var yolox = ScenarioLoader.Parse(Scenario("yolox"), "s.yaml");
        var rtdetr = ScenarioLoader.Parse(Scenario("rtdetr"), "s.yaml");

        Assert.Equal("8,16,32", yolox.Model.LayoutSettings["strides"]);
        Assert.Equal("probabilities", rtdetr.Model.LayoutSettings["scores"]);
    }

    [Theory]
    [InlineData("ssd", "background: middle", "model.background", "expected one of none, first, last, found 'middle'")]
    [InlineData("rtdetr", "scores: softmax", "model.scores", "expected one of probabilities, logits, found 'softmax'")]
    [InlineData("yolox", "strides: [8, 0, 32]", "model.strides", "expected a list of positive integers such as [8, 16, 32], found '8, 0, 32'")]
    [InlineData("yolox", "strides: []", "model.strides", "expected a list of positive integers such as [8, 16, 32], found ''")]
    [InlineData("yolov8", "strides: [8]", "model.strides", "is a setting of layout yolox, not of yolov8")]
    [InlineData("yolox", "background: first", "model.background", "is a setting of layout ssd, not of yolox")]
    public void Invalid_or_misplaced_layout_settings_name_file_line_and_field(string layout, string setting, string field, string message)
    {
        var error = Assert.Single(Errors(Scenario(layout, setting)));

        Assert.Equal(10, error.Line);
        Assert.Equal(field, error.Field);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Every_layout_setting_changes_the_settings_hash()
    {
        string[] scenarios =
        [
            Scenario("yolox"),
            Scenario("yolox", "strides: [8, 16, 32, 64]"),
            Scenario("ssd"),
            Scenario("ssd", "background: first"),
            Scenario("ssd", "background: last"),
            Scenario("ssd", "coordinates: normalized"),
            Scenario("rtdetr"),
            Scenario("rtdetr", "scores: logits"),
        ];

        var hashes = scenarios.Select(yaml => ScenarioSettings.Sha256(ScenarioLoader.Parse(yaml, "s.yaml"))).ToList();

        Assert.Equal(hashes.Count, hashes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Default_scenarios_keep_the_settings_hash_their_verified_baselines_record()
    {
        var checkedAny = false;
        foreach (var scenario in ScenarioLoader.LoadDirectory(RepositoryPaths.Scenarios).Where(s => s.BaselineId is null))
        {
            var baseline = Path.Combine(RepositoryPaths.Baselines, scenario.Id + ".verified.json");
            if (!File.Exists(baseline))
            {
                continue;
            }

            using var json = JsonDocument.Parse(File.ReadAllText(baseline));
            Assert.Equal(json.RootElement.GetProperty("settings_sha256").GetString(), ScenarioSettings.Sha256(scenario));
            checkedAny = true;
        }

        Assert.True(checkedAny);
    }

    private static string Scenario(string layout, params string[] settings) =>
        Template.Replace("LAYOUT", layout, StringComparison.Ordinal) + string.Concat(settings.Select(s => "\n  " + s));

    private static IReadOnlyList<ValidationError> Errors(string yaml) =>
        Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse(yaml, "s.yaml")).Errors;
}
