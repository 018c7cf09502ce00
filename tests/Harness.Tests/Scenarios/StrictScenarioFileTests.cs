using Harness.Preprocessing;
using Harness.Scenarios;

namespace Harness.Tests.Scenarios;

/// <summary>Every value a scenario file can get wrong is an error at its own line that says what would be right.</summary>
public sealed class StrictScenarioFileTests
{
    private const string Valid = """
        id: urban-day
        tags: [pr]
        clip:
          source: synthetic://urban-day?seed=7&frames=4
        model:
          source: reference://detector-v1
          layout: yolov8
          input: { width: 320, height: 192, letterbox: true, channel_order: rgb, letterbox_placement: center }
          classes: [car, pedestrian, cyclist]
          session: { optimization: all, deterministic: true }
        postprocess: { class_agnostic: false }
        gates:
          - metric: coco/AP
            min: 0.1
          - metric: latency/p99_ms
            max_increase: 20%
            when: nightly
        """;

    [Theory]
    [InlineData("letterbox: true", "letterbox: yes", "model.input.letterbox", "yes", "true, false")]
    [InlineData("channel_order: rgb", "channel_order: RGB", "model.input.channel_order", "RGB", "rgb, bgr")]
    [InlineData("letterbox_placement: center", "letterbox_placement: centre", "model.input.letterbox_placement", "centre", "center, top_left")]
    [InlineData("optimization: all", "optimization: max", "model.session.optimization", "max", "disable, basic, extended, all")]
    [InlineData("deterministic: true", "deterministic: 1", "model.session.deterministic", "1", "true, false")]
    [InlineData("class_agnostic: false", "class_agnostic: off", "postprocess.class_agnostic", "off", "true, false")]
    [InlineData("when: nightly", "when: weekly", "gates[1].when", "weekly", "always, pr, nightly")]
    public void Unknown_value_of_an_enum_like_field_is_an_error_at_its_line_listing_the_allowed_values(
        string from, string to, string field, string bad, string allowed)
    {
        var yaml = Replace(from, to);

        var error = SingleError(yaml);

        Assert.Equal(At(yaml, to, bad, field, $"unknown value '{bad}' (expected one of: {allowed})"), error.ToString());
    }

    [Theory]
    [InlineData("tags: [pr]", "tags: [canary, nightly, pr]")]
    [InlineData("tags: [pr]", "tags: [pr, kitti, team-lidar, sensor2]")]
    [InlineData("channel_order: rgb", "channel_order: bgr")]
    [InlineData("letterbox_placement: center", "letterbox_placement: top_left")]
    [InlineData("optimization: all", "optimization: disable")]
    [InlineData("when: nightly", "when: pr")]
    [InlineData("when: nightly", "when: always")]
    public void Every_allowed_value_loads(string from, string to)
    {
        _ = ScenarioLoader.Parse(Replace(from, to), "s.yaml");
    }

    [Fact]
    public void Allowed_values_become_the_settings_they_name()
    {
        var yaml = Replace("channel_order: rgb", "channel_order: bgr")
            .Replace("letterbox_placement: center", "letterbox_placement: top_left", StringComparison.Ordinal)
            .Replace("when: nightly", "when: pr", StringComparison.Ordinal)
            .Replace("tags: [pr]", "tags: [nightly, canary]", StringComparison.Ordinal);

        var scenario = ScenarioLoader.Parse(yaml, "s.yaml");

        Assert.True(scenario.Model.Input.Bgr);
        Assert.Equal(LetterboxPlacement.TopLeft, scenario.Model.Input.Placement);
        Assert.Equal(RunKind.PullRequest, scenario.Gates[1].When);
        Assert.Equal(["nightly", "canary"], scenario.Tags);
    }

    [Fact]
    public void Left_out_settings_take_the_documented_defaults()
    {
        var yaml = Replace(", channel_order: rgb, letterbox_placement: center", "").Replace("\n    when: nightly", "", StringComparison.Ordinal);

        var scenario = ScenarioLoader.Parse(yaml, "s.yaml");

        Assert.False(scenario.Model.Input.Bgr);
        Assert.Equal(LetterboxPlacement.Center, scenario.Model.Input.Placement);
        Assert.Equal(RunKind.Always, scenario.Gates[1].When);
    }

    [Fact]
    public void Placement_without_letterbox_is_an_error_because_it_would_be_ignored()
    {
        var yaml = Replace("letterbox: true", "letterbox: false");

        var error = SingleError(yaml);

        Assert.Equal("model.input.letterbox_placement", error.Field);
        Assert.Equal(8, error.Line);
        Assert.Contains("letterbox: false", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("width: 320", "width: 0", "model.input.width", "must be between 1 and 8192")]
    [InlineData("width: 320", "width: 8193", "model.input.width", "must be between 1 and 8192")]
    [InlineData("height: 192", "height: 0", "model.input.height", "must be between 1 and 8192")]
    [InlineData("letterbox: true,", "letterbox: true, pad_value: -1,", "model.input.pad_value", "must be between 0 and 255")]
    [InlineData("letterbox: true,", "letterbox: true, pad_value: 256,", "model.input.pad_value", "must be between 0 and 255")]
    [InlineData("letterbox: true,", "letterbox: true, scale: 0,", "model.input.scale", "must be greater than 0, found 0")]
    [InlineData("letterbox: true,", "letterbox: true, scale: -0.5,", "model.input.scale", "must be greater than 0, found -0.5")]
    [InlineData("letterbox: true,", "letterbox: true, std: [1, 0, 1],", "model.input.std", "every value must be positive")]
    [InlineData("letterbox: true,", "letterbox: true, mean: [0, 0],", "model.input.mean", "expected 3 numbers, found 2")]
    public void Input_value_one_step_past_its_limit_is_an_error(string from, string to, string field, string message)
    {
        var error = SingleError(Replace(from, to));

        Assert.Equal((field, message, 8), (error.Field, error.Message, error.Line));
    }

    [Theory]
    [InlineData("width: 320", "width: 1")]
    [InlineData("width: 320", "width: 8192")]
    [InlineData("letterbox: true,", "letterbox: true, pad_value: 0,")]
    [InlineData("letterbox: true,", "letterbox: true, pad_value: 255,")]
    [InlineData("letterbox: true,", "letterbox: true, scale: 0.000001,")]
    [InlineData("letterbox: true,", "letterbox: true, mean: [-1, 0, 255], std: [0.001, 1, 255],")]
    public void Input_value_at_its_limit_loads(string from, string to)
    {
        _ = ScenarioLoader.Parse(Replace(from, to), "s.yaml");
    }

    [Theory]
    [InlineData("cocoo/AP", "unknown metric family 'cocoo' in 'cocoo/AP' (expected one of: coco, precision@0.5, recall@0.5, f1@0.5, fp_per_frame, matched_iou, flicker, class_switches, jitter_px, frames_to_detect, tide, streaming, latency, throughput)")]
    [InlineData("coco/AP90", "unknown COCO statistic 'AP90' in 'coco/AP90' (expected one of: AP, AP50, AP75, AP_small, AP_medium, AP_large, AR1, AR10, AR100, AR_small, AR_medium, AR_large)")]
    [InlineData("coco/ap", "unknown COCO statistic 'ap' in 'coco/ap' (expected one of: AP, AP50, AP75, AP_small, AP_medium, AP_large, AR1, AR10, AR100, AR_small, AR_medium, AR_large)")]
    [InlineData("coco/AP75/car", "unknown per-class COCO statistic 'AP75' in 'coco/AP75/car' (expected one of: AP, AP50)")]
    [InlineData("coco/AP50/truck", "unknown class 'truck' in 'coco/AP50/truck' (expected one of: car, pedestrian, cyclist)")]
    [InlineData("precision@0.5/bus", "unknown class 'bus' in 'precision@0.5/bus' (expected one of: car, pedestrian, cyclist)")]
    [InlineData("recall@0.5/pedestrian/range:0-20m", "unknown slice 'range:0-20m' in 'recall@0.5/pedestrian/range:0-20m' (expected one of: range:0-30m, range:30-50m, range:50m+, size:small, size:medium, size:large, occlusion:none, occlusion:partial, occlusion:heavy, kitti:easy, kitti:moderate, kitti:hard)")]
    [InlineData("precision@0.5/car/range:0-30m", "'precision@0.5/car/range:0-30m': only recall@0.5 is computed per slice")]
    [InlineData("recall@0.4", "unknown metric family 'recall@0.4' in 'recall@0.4' (expected one of: coco, precision@0.5, recall@0.5, f1@0.5, fp_per_frame, matched_iou, flicker, class_switches, jitter_px, frames_to_detect, tide, streaming, latency, throughput)")]
    [InlineData("latency/gpu/p99_ms", "unknown latency stage 'gpu' in 'latency/gpu/p99_ms' (expected one of: preprocess, inference, postprocess, total)")]
    [InlineData("latency/total/p95_ms", "unknown latency percentile 'p95_ms' in 'latency/total/p95_ms' (expected one of: p50_ms, p90_ms, p99_ms)")]
    [InlineData("latency/p90_ms", "'latency/p90_ms' does not have the form latency/p99_ms, latency/<stage>/p<percentile>_ms")]
    [InlineData("fp_per_frame/car", "'fp_per_frame/car' does not have the form fp_per_frame")]
    [InlineData("throughput/hz", "'throughput/hz' does not have the form throughput/fps")]
    [InlineData("coco", "'coco' does not have the form coco/<statistic>, coco/AP/<class>, coco/AP50/<class>")]
    [InlineData("coco/AP/car/extra", "'coco/AP/car/extra' does not have the form coco/<statistic>, coco/AP/<class>, coco/AP50/<class>")]
    [InlineData("recall@0.5/car/size:small/x", "'recall@0.5/car/size:small/x' does not have the form recall@0.5, recall@0.5/<class>, recall@0.5/<class>/<slice>")]
    public void Gated_metric_that_no_run_produces_is_an_error_naming_the_wrong_part(string metric, string message)
    {
        var yaml = Replace("metric: coco/AP\n", $"metric: {metric}\n");

        var error = SingleError(yaml);

        Assert.Equal($"s.yaml:13:13: gates[0].metric: {message}", error.ToString());
    }

    [Theory]
    [InlineData("coco/AR_large")]
    [InlineData("coco/AP50/cyclist")]
    [InlineData("f1@0.5")]
    [InlineData("f1@0.5/car")]
    [InlineData("recall@0.5/pedestrian/kitti:hard")]
    [InlineData("fp_per_frame")]
    [InlineData("latency/p99_ms")]
    [InlineData("latency/preprocess/p50_ms")]
    [InlineData("throughput/fps")]
    public void Gated_metric_that_a_run_produces_loads(string metric)
    {
        var scenario = ScenarioLoader.Parse(Replace("metric: coco/AP\n    min: 0.1", $"metric: {metric}\n    max: 1000"), "s.yaml");

        Assert.Equal(metric, scenario.Gates[0].Metric);
    }

    [Fact]
    public void Gated_metric_classes_are_not_judged_when_the_model_section_is_broken()
    {
        var yaml = Replace("metric: coco/AP\n", "metric: coco/AP/truck\n").Replace("layout: yolov8", "layout: yolov9", StringComparison.Ordinal);

        var error = SingleError(yaml);

        Assert.Equal("model.layout", error.Field);
    }

    [Theory]
    [InlineData("tags: [pr]", "tags: pr", "tags", 2, 7, "expected a list")]
    [InlineData("tags: [pr]", "tags: [{pr: 1}]", "tags", 2, 8, "expected a list of plain values")]
    [InlineData("  source: reference://detector-v1", "  source: [a, b]", "model.source", 6, 11, "expected a single value")]
    [InlineData("  layout: yolov8", "  layout: { name: yolov8 }", "model.layout", 7, 11, "expected a single value")]
    [InlineData("letterbox: true", "letterbox: [true]", "model.input.letterbox", 8, 48, "expected a single value")]
    [InlineData("{ width: 320, height: 192, letterbox: true, channel_order: rgb, letterbox_placement: center }", "[320, 192]", "model.input", 8, 10, "expected a mapping")]
    [InlineData("  - metric: coco/AP\n    min: 0.1\n", "  - coco/AP\n", "gates[0]", 13, 5, "expected a mapping")]
    public void Value_of_the_wrong_yaml_type_is_an_error_at_its_line(string from, string to, string field, int line, int column, string message)
    {
        var error = Assert.Single(Errors(Replace(from, to)), e => e.Field == field);

        Assert.Equal($"s.yaml:{line}:{column}: {field}: {message}", error.ToString());
    }

    [Theory]
    [InlineData("tags: [pr]\n", "tags: [pr]\ntags: [nightly]\n", "s.yaml:3:1: duplicate key 'tags' (first at line 2)")]
    [InlineData("  layout: yolov8\n", "  layout: yolov8\n  layout: yolov5\n", "s.yaml:8:3: duplicate key 'layout' (first at line 7)")]
    [InlineData("    min: 0.1\n", "    min: 0.1\n    min: 0.2\n", "s.yaml:15:5: duplicate key 'min' (first at line 14)")]
    [InlineData("{ optimization: all,", "{ optimization: all, optimization: basic,", "s.yaml:10:33: duplicate key 'optimization' (first at line 10)")]
    public void Duplicate_key_is_an_error_at_the_second_occurrence(string from, string to, string expected)
    {
        var error = SingleError(Replace(from, to));

        Assert.Equal(expected, error.ToString());
    }

    [Fact]
    public void Every_duplicate_key_is_reported_not_just_the_first()
    {
        var yaml = Replace("tags: [pr]\n", "tags: [pr]\ntags: [nightly]\n").Replace("    min: 0.1\n", "    min: 0.1\n    min: 0.2\n", StringComparison.Ordinal);

        Assert.Equal(["duplicate key 'tags' (first at line 2)", "duplicate key 'min' (first at line 15)"], Errors(yaml).Select(e => e.Message));
    }

    [Fact]
    public void The_same_key_in_sibling_mappings_is_not_a_duplicate()
    {
        var yaml = Replace("    max_increase: 20%", "    min: 0\n    max_increase: 20%");

        Assert.Equal(0, ScenarioLoader.Parse(yaml, "s.yaml").Gates[1].Min);
    }

    private static string Replace(string from, string to)
    {
        Assert.Contains(from, Valid, StringComparison.Ordinal);
        return Valid.Replace(from, to, StringComparison.Ordinal);
    }

    private static IReadOnlyList<ValidationError> Errors(string yaml) =>
        Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse(yaml, "s.yaml")).Errors;

    private static ValidationError SingleError(string yaml) => Assert.Single(Errors(yaml));

    /// <summary>The expected error text, located at the first line containing <paramref name="lineText"/> and the column of <paramref name="value"/> in it.</summary>
    private static string At(string yaml, string lineText, string value, string field, string message)
    {
        var lines = yaml.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains(lineText.Trim(), StringComparison.Ordinal));
        Assert.True(line >= 0, $"no line contains '{lineText}'");
        var column = lines[line].IndexOf(value, StringComparison.Ordinal);
        return $"s.yaml:{line + 1}:{column + 1}: {field}: {message}";
    }
}
