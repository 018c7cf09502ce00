using Harness.Running;
using Harness.Scenarios;

namespace Harness.Tests.Scenarios;

public sealed class ScenarioLoaderTests
{
    private const string Valid = """
        id: urban-day
        description: Daytime traffic
        tags: [pr]
        clip:
          source: synthetic://urban-day?seed=7&frames=4
          camera: /camera/front
          truth: /truth/front
        model:
          source: reference://detector-v1
          layout: yolov8
          input: { width: 320, height: 192, letterbox: true, scale: 0.00392156862 }
          classes: [car, pedestrian, cyclist]
        postprocess: { score_threshold: 0.3, iou_threshold: 0.5, max_detections: 100 }
        gates:
          - metric: coco/AP
            min: 0.1
            max_drop: 0.005
          - metric: latency/p99_ms
            max_increase: 20%
            when: nightly
        """;

    [Fact]
    public void Loads_every_field_into_an_immutable_scenario()
    {
        var scenario = ScenarioLoader.Parse(Valid, "urban-day.yaml");

        Assert.Equal("urban-day", scenario.Id);
        Assert.Equal(["pr"], scenario.Tags);
        Assert.Equal("synthetic://urban-day?seed=7&frames=4", scenario.Clip.Source);
        Assert.Equal("yolov8", scenario.Model.Layout.Name);
        Assert.Equal(320, scenario.Model.Input.Width);
        Assert.Equal(0.00392156862f, scenario.Model.Input.Scale);
        Assert.Equal(["car", "pedestrian", "cyclist"], scenario.Model.Classes.ModelClasses);
        Assert.True(scenario.Model.Classes.IsIdentity);
        Assert.Equal(new PostprocessSpec(0.3f, 0.5f, 100, false), scenario.Postprocess);
        Assert.Equal(new GateRule("coco/AP", 0.1, null, new Tolerance(0.005, false), RunKind.Always), scenario.Gates[0]);
        Assert.Equal(new Tolerance(0.2, true), scenario.Gates[1].AllowedChange);
        Assert.Equal(RunKind.Nightly, scenario.Gates[1].When);
    }

    [Fact]
    public void Class_map_and_ignore_load_into_the_scenario_class_map()
    {
        var yaml = Valid.Replace("  classes: [car, pedestrian, cyclist]", """
              classes: [car, truck, person, cyclist]
              class_map:
                vehicle: [car, truck, Van]
                pedestrian: person
              ignore: [DontCare]
            """, StringComparison.Ordinal);

        var classes = ScenarioLoader.Parse(yaml, "s.yaml").Model.Classes;

        Assert.Equal(["car", "truck", "person", "cyclist"], classes.ModelClasses);
        Assert.Equal(["vehicle", "pedestrian", "cyclist"], classes.EvaluationClasses);
        Assert.True(classes.TryGetTruthClass("Van", out var van));
        Assert.Equal(0, van);
        Assert.Equal(["DontCare"], classes.Ignored);
    }

    [Fact]
    public void Class_map_errors_name_file_line_and_the_entry()
    {
        var yaml = Valid.Replace("  classes: [car, pedestrian, cyclist]", """
              classes: [car, pedestrian]
              class_map:
                vehicle: [car]
                bike: [cyclist]
              ignore: [pedestrian, Misc, Misc]
            """, StringComparison.Ordinal);

        var errors = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse(yaml, "s.yaml")).Errors;

        Assert.Equal(
            [
                ("s.yaml", 15, "model.class_map.bike", "no model class maps to 'bike' (model classes: 'car', 'pedestrian'): its truth could only ever be missed"),
                ("s.yaml", 16, "model.ignore", "'Misc' is listed twice"),
            ],
            errors.Select(e => (e.File, e.Line, e.Field, e.Message)).OrderBy(e => e.Line));
    }

    [Fact]
    public void Evaluate_mapped_loads_the_class_map_keys_as_the_only_evaluation_classes()
    {
        var yaml = Valid.Replace("  classes: [car, pedestrian, cyclist]", """
              classes: [person, bicycle, car, truck]
              class_map: { pedestrian: [person], cyclist: [bicycle] }
              evaluate: mapped
            """, StringComparison.Ordinal);

        var classes = ScenarioLoader.Parse(yaml, "s.yaml").Model.Classes;

        Assert.Equal(ClassEvaluation.Mapped, classes.Evaluate);
        Assert.Equal(["pedestrian", "cyclist"], classes.EvaluationClasses);
        Assert.True(classes.LeavesOut("Truck"));
    }

    [Fact]
    public void Evaluate_all_is_what_a_scenario_without_the_key_evaluates()
    {
        var without = Valid.Replace("  classes: [car, pedestrian, cyclist]", """
              classes: [car, pedestrian, cyclist]
              class_map: { vru: [pedestrian, cyclist] }
            """, StringComparison.Ordinal);
        var all = without.Replace("class_map: { vru: [pedestrian, cyclist] }", "class_map: { vru: [pedestrian, cyclist] }\n  evaluate: all", StringComparison.Ordinal);

        var classes = ScenarioLoader.Parse(all, "s.yaml").Model.Classes;

        Assert.Equal(ClassEvaluation.All, classes.Evaluate);
        Assert.Equal(["car", "vru"], classes.EvaluationClasses);
        Assert.Equal(ScenarioSettings.CanonicalText(ScenarioLoader.Parse(without, "s.yaml")), ScenarioSettings.CanonicalText(ScenarioLoader.Parse(all, "s.yaml")));
    }

    [Theory]
    [InlineData("  evaluate: mapped", "mapped needs a class_map: its keys are the only classes evaluated")]
    [InlineData("  evaluate: Mapped", "unknown value 'Mapped' (expected one of: all, mapped)")]
    [InlineData("  evaluate: some", "unknown value 'some' (expected one of: all, mapped)")]
    public void Evaluate_errors_name_file_line_and_the_key(string line, string message)
    {
        var yaml = Valid.Replace("  classes: [car, pedestrian, cyclist]", "  classes: [car, pedestrian, cyclist]\n" + line, StringComparison.Ordinal);

        var error = Assert.Single(Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse(yaml, "s.yaml")).Errors);

        Assert.Equal(("s.yaml", 13, "model.evaluate", message), (error.File, error.Line, error.Field, error.Message));
    }

    [Fact]
    public void Class_map_entry_that_is_no_name_or_list_is_an_error()
    {
        var yaml = Valid.Replace("  classes: [car, pedestrian, cyclist]", """
              classes: [car]
              class_map: { vehicle: { car: 1 } }
            """, StringComparison.Ordinal);

        var error = Assert.Single(Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse(yaml, "s.yaml")).Errors);

        Assert.Equal(("model.class_map.vehicle", "expected a name or a list of names"), (error.Field, error.Message));
    }

    [Fact]
    public void Unknown_key_is_an_error_naming_file_line_and_field()
    {
        var yaml = Valid.Replace("iou_threshold: 0.5", "iou_treshold: 0.5", StringComparison.Ordinal);

        var error = Assert.Single(Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse(yaml, "s.yaml")).Errors);

        Assert.Equal("s.yaml", error.File);
        Assert.Equal(13, error.Line);
        Assert.Equal("postprocess.iou_treshold", error.Field);
        Assert.Contains("unknown key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Collects_every_problem_before_failing()
    {
        var yaml = Valid
            .Replace("width: 320", "width: wide", StringComparison.Ordinal)
            .Replace("layout: yolov8", "layout: yolov9", StringComparison.Ordinal)
            .Replace("score_threshold: 0.3", "score_threshold: 1.5", StringComparison.Ordinal);

        var errors = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse(yaml, "s.yaml")).Errors;

        Assert.Equal(["model.input.width", "model.layout", "postprocess.score_threshold"], errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.All(errors, e => Assert.True(e.Line > 0));
    }

    [Theory]
    [InlineData("max_drop: 0.005", "max_increase: 0.005", "max_increase")]
    [InlineData("max_increase: 20%", "max_drop: 20%", "max_drop")]
    public void Tolerance_direction_must_match_metric_polarity(string from, string to, string field)
    {
        var error = Assert.Single(Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse(Valid.Replace(from, to, StringComparison.Ordinal), "s.yaml")).Errors);

        Assert.EndsWith(field, error.Field, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_model_file_is_reported_with_the_path_it_looked_for()
    {
        var yaml = Valid.Replace("reference://detector-v1", "models/missing.onnx", StringComparison.Ordinal);

        var error = Assert.Single(Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse(yaml, "/tmp/scenarios/s.yaml")).Errors);

        Assert.Equal("model.source", error.Field);
        Assert.Contains("/tmp/scenarios/models/missing.onnx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_yaml_reports_the_parser_position()
    {
        var error = Assert.Single(Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse("id: [unclosed\n", "bad.yaml")).Errors);

        Assert.Equal("bad.yaml", error.File);
        Assert.Contains("invalid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Repository_scenarios_all_load()
    {
        var scenarios = ScenarioLoader.LoadDirectory(Harness.Testing.RepositoryPaths.Scenarios);

        Assert.NotEmpty(scenarios);
        Assert.Contains(scenarios, s => s.HasTag(ScenarioTags.PullRequest));
    }
}
