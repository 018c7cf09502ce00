using Harness.Scenarios;
using Harness.TestKit;
using Harness.Tests.Running;

namespace Harness.Tests.Scenarios;

/// <summary>An ONNX file with Ultralytics metadata fills the scenario's layout, input size and classes, and contradicts a scenario that states them differently.</summary>
public sealed class ModelMetadataLoadingTests
{
    private const string Names = "{0: 'car', 1: 'pedestrian', 2: 'cyclist'}";

    [Fact]
    public void Layout_input_size_and_classes_left_out_come_from_the_metadata()
    {
        using var directory = new TemporaryDirectory();
        WriteModel(directory, ("names", Names), ("imgsz", "[64, 96]"), ("task", "detect"));

        var scenario = ScenarioLoader.Parse(Scenario(), directory.Combine("s.yaml"));

        Assert.Equal("yolov8", scenario.Model.Layout.Name);
        Assert.Equal((96, 64), (scenario.Model.Input.Width, scenario.Model.Input.Height));
        Assert.Equal(["car", "pedestrian", "cyclist"], scenario.Model.Classes.ModelClasses);
    }

    [Fact]
    public void Classes_or_input_size_that_contradict_the_metadata_are_errors_naming_both()
    {
        using var directory = new TemporaryDirectory();
        var model = WriteModel(directory, ("names", Names), ("imgsz", "[64, 96]"));

        var errors = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse(
            Scenario("layout: yolov8", "input: { width: 640, height: 640 }", "classes: [car, cyclist, pedestrian]"), directory.Combine("s.yaml"))).Errors;

        var input = Assert.Single(errors, e => e.Field == "model.input");
        var classes = Assert.Single(errors, e => e.Field == "model.classes");
        Assert.Equal((8, 9), (input.Line, classes.Line));
        Assert.Equal($"width 640, height 640, but the metadata of '{model}' says imgsz width 96, height 64", input.Message);
        Assert.Equal($"[car, cyclist, pedestrian], but the metadata of '{model}' names [car, pedestrian, cyclist]", classes.Message);
    }

    [Fact]
    public void Without_metadata_the_scenario_must_say_everything()
    {
        using var directory = new TemporaryDirectory();
        WriteModel(directory);

        var errors = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse(Scenario(), directory.Combine("s.yaml"))).Errors;

        Assert.Equal(["model.classes", "model.input", "model.layout"], errors.Where(e => e.Message == "is required").Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    private static string WriteModel(TemporaryDirectory directory, params (string Key, string Value)[] metadata)
    {
        var path = directory.Combine("model.onnx");
        File.WriteAllBytes(path, ModelInspectionTests.Model([-1, 3, -1, -1], ("output0", [1, 7, 84]), metadata));
        return path;
    }

    private static string Scenario(params string[] modelLines) =>
        "id: s\ntags: [pr]\nclip:\n  source: synthetic://urban-day\nmodel:\n  source: model.onnx\n" + string.Concat(modelLines.Select(l => $"  {l}\n"));
}
