using Harness.Preprocessing;
using Harness.Running;
using Harness.Scenarios;
using Harness.TestKit;

namespace Harness.Tests.Scenarios;

/// <summary>A scenario built in code and the same scenario written as YAML are the same scenario, with the same defaults and the same problems.</summary>
public sealed class ScenarioBuilderTests
{
    private const string Everything = """
        id: urban-day
        description: Daytime traffic
        tags: [pr, nightly]
        baseline: urban-base
        clip:
          source: synthetic://urban-day?seed=7&frames=4
          camera: /cam
          truth: /labels
          lidar: /points
        model:
          source: reference://detector-v1
          layout: yolov8
          input: { width: 320, height: 192, letterbox: true, letterbox_placement: top_left, scale: 0.5, mean: [1, 2, 3], std: [4, 5, 6], channel_order: bgr, pad_value: 0 }
          classes: [car, truck, pedestrian, bird]
          class_map: { vehicle: [car, truck] }
          ignore: [bird]
          evaluate: mapped
          session: { intra_op_threads: 2, optimization: basic, deterministic: false }
        postprocess: { score_threshold: 0.3, iou_threshold: 0.5, max_detections: 100, class_agnostic: true }
        gates:
          - metric: coco/AP
            min: 0.1
            max_drop: 0.005
          - metric: latency/p99_ms
            max_increase: 20%
            when: nightly
        """;

    private const string Minimal = """
        id: urban-day
        tags: [pr]
        clip:
          source: synthetic://urban-day?seed=7&frames=4
        model:
          source: reference://detector-v1
          layout: yolov8
          input: { width: 320, height: 192 }
          classes: [car, pedestrian, cyclist]
        """;

    [Fact]
    public void A_scenario_built_in_code_is_the_scenario_its_yaml_loads_to()
    {
        var fromYaml = ScenarioLoader.Parse(Everything, "urban-day.yaml");

        var built = new ScenarioBuilder("urban-day")
            .FromFile("urban-day.yaml")
            .WithDescription("Daytime traffic")
            .WithTags("pr", "nightly")
            .WithBaseline("urban-base")
            .WithClip("synthetic://urban-day?seed=7&frames=4")
            .WithTopics(camera: "/cam", truth: "/labels", lidar: "/points")
            .WithModel("reference://detector-v1")
            .WithLayout("yolov8")
            .WithInput(320, 192)
            .WithLetterbox(true, LetterboxPlacement.TopLeft, padValue: 0)
            .WithNormalization(0.5, [1, 2, 3], [4, 5, 6], ChannelOrder.Bgr)
            .WithClasses("car", "truck", "pedestrian", "bird")
            .WithClassMap("vehicle", "car", "truck")
            .WithIgnored("bird")
            .WithEvaluate(ClassEvaluation.Mapped)
            .WithSession(2, "basic", deterministic: false)
            .WithPostprocess(0.3, 0.5, 100, classAgnostic: true)
            .WithGate("coco/AP", min: 0.1, maxDrop: new Tolerance(0.005, false))
            .WithGate("latency/p99_ms", maxIncrease: new Tolerance(0.2, true), when: RunKind.Nightly)
            .Build();

        Assert.Equal(ScenarioSettings.CanonicalText(fromYaml), ScenarioSettings.CanonicalText(built));
        Assert.Equal(Describe(fromYaml), Describe(built));
    }

    [Fact]
    public void What_code_leaves_out_gets_the_defaults_a_yaml_file_gets()
    {
        var fromYaml = ScenarioLoader.Parse(Minimal, "urban-day.yaml");

        var built = Minimal_in_code().Build();

        Assert.Equal(ScenarioSettings.CanonicalText(fromYaml), ScenarioSettings.CanonicalText(built));
        Assert.Equal(new PostprocessSpec(0.25f, 0.45f, 300, false), built.Postprocess);
        Assert.Equal(new SessionSpec(1, "all", true), built.Model.Session);
        Assert.Equal(("/camera/front", "/truth/front", (string?)null), (built.Clip.Camera, built.Clip.Truth, built.Clip.Lidar));
        var input = built.Model.Input;
        Assert.Equal((true, LetterboxPlacement.Center, 1f / 255f, (byte)114, false), (input.Letterbox, input.Placement, input.Scale, input.PadValue, input.Bgr));
        Assert.Equal([0f, 0f, 0f], input.Mean);
        Assert.Equal([1f, 1f, 1f], input.Std);
        Assert.Equal("scenario 'urban-day'", built.SourcePath);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_each_named_by_its_yaml_field()
    {
        var builder = Minimal_in_code()
            .WithInput(0, 192)
            .WithPostprocess(scoreThreshold: 1.5)
            .WithSession(intraOpThreads: 300, optimization: "fastest")
            .WithGate("coco/AP");

        var error = Assert.Throws<ScenarioValidationException>(() => builder.Build());

        Assert.Equal(
            [
                "scenario 'urban-day':0:0: model.input.width: must be between 1 and 8192",
                "scenario 'urban-day':0:0: model.session.intra_op_threads: must be between 0 (runtime default) and 256",
                "scenario 'urban-day':0:0: model.session.optimization: unknown value 'fastest' (expected one of: disable, basic, extended, all)",
                "scenario 'urban-day':0:0: postprocess.score_threshold: must be between 0 and 1, found 1.5",
                "scenario 'urban-day':0:0: gates[0].metric: a gate needs at least one of min, max, max_drop, max_increase",
            ],
            error.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void The_same_values_in_a_yaml_file_give_the_same_problems_at_their_lines()
    {
        var yaml = Minimal.Replace("width: 320", "width: 0", StringComparison.Ordinal) + """

            postprocess: { score_threshold: 1.5 }
            gates:
              - metric: coco/AP
            """;

        var error = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse(yaml, "s.yaml"));

        Assert.Equal(
            [
                "s.yaml:8:19: model.input.width: must be between 1 and 8192",
                "s.yaml:10:33: postprocess.score_threshold: must be between 0 and 1, found 1.5",
                "s.yaml:12:13: gates[0].metric: a gate needs at least one of min, max, max_drop, max_increase",
            ],
            error.Errors.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData(0.0, true)]
    [InlineData(1.0, true)]
    [InlineData(1.0000001, false)]
    [InlineData(-0.0000001, false)]
    [InlineData(double.NaN, false)]
    public void A_score_threshold_is_accepted_from_0_to_1_inclusive(double score, bool accepted) =>
        Assert.Equal(accepted, Builds(Minimal_in_code().WithPostprocess(scoreThreshold: score)));

    [Theory]
    [InlineData(1, true)]
    [InlineData(8192, true)]
    [InlineData(0, false)]
    [InlineData(8193, false)]
    public void An_input_side_is_accepted_from_1_to_8192_pixels(int width, bool accepted) =>
        Assert.Equal(accepted, Builds(Minimal_in_code().WithInput(width, 192)));

    [Theory]
    [InlineData(0, true)]
    [InlineData(256, true)]
    [InlineData(-1, false)]
    [InlineData(257, false)]
    public void Intra_op_threads_are_accepted_from_0_to_256(int threads, bool accepted) =>
        Assert.Equal(accepted, Builds(Minimal_in_code().WithSession(intraOpThreads: threads)));

    [Fact]
    public void A_missing_section_is_one_problem_not_one_per_field()
    {
        var error = Assert.Throws<ScenarioValidationException>(() => new ScenarioBuilder("x").WithTags("pr").WithClip("synthetic://urban-day").Build());

        Assert.Equal(["model: is required"], error.Errors.Select(e => $"{e.Field}: {e.Message}"));
    }

    [Fact]
    public void Unknown_names_in_code_list_what_is_allowed()
    {
        var builder = Minimal_in_code().WithTags("pr", "weekly", "Team Lidar").WithLayout("yolo9000").WithLetterbox(false, LetterboxPlacement.TopLeft);

        var error = Assert.Throws<ScenarioValidationException>(() => builder.Build());

        Assert.Equal(
            [
                "tags: 'Team Lidar' is not a tag: lower-case letters, digits and single hyphens (pr, nightly, canary choose the runs; any other word is the team's own)",
                "model.layout: unknown layout 'yolo9000' (expected one of: " + string.Join(", ", Harness.Postprocessing.Layouts.OutputLayouts.Names) + ")",
                "model.input.letterbox_placement: has no effect with letterbox: false (the image is stretched to the whole input)",
            ],
            error.Errors.Select(e => $"{e.Field}: {e.Message}"));
    }

    [Fact]
    public void Relative_model_paths_resolve_against_the_given_directory_and_must_exist()
    {
        using var folder = new TemporaryDirectory("builder-");
        var builder = Minimal_in_code().RelativeTo(folder.Path).WithModel("models/none.onnx");

        var error = Assert.Throws<ScenarioValidationException>(() => builder.Build());

        Assert.Equal($"model.source: 'models/none.onnx' does not exist (looked for {folder.Combine("models", "none.onnx")})",
            Assert.Single(error.Errors, e => e.Field == "model.source").Field + ": " + Assert.Single(error.Errors, e => e.Field == "model.source").Message);
    }

    private static ScenarioBuilder Minimal_in_code() =>
        new ScenarioBuilder("urban-day")
            .WithTags("pr")
            .WithClip("synthetic://urban-day?seed=7&frames=4")
            .WithModel("reference://detector-v1")
            .WithLayout("yolov8")
            .WithInput(320, 192)
            .WithClasses("car", "pedestrian", "cyclist");

    private static bool Builds(ScenarioBuilder builder)
    {
        try
        {
            builder.Build();
            return true;
        }
        catch (ScenarioValidationException)
        {
            return false;
        }
    }

    private static string Describe(Scenario s) =>
        string.Join("|", s.Id, s.Description, string.Join(",", s.Tags), s.EffectiveBaselineId, s.Clip.Source, s.Clip.Lidar, s.Model.Source, s.SourcePath,
            string.Join(";", s.Gates.Select(g => g.ToString())));
}
