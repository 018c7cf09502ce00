using Harness.Preprocessing;
using Harness.Scenarios;

namespace Harness.Tests.Scenarios;

/// <summary><c>model.input.preset</c> fills every preprocessing setting of a known pipeline; keys beside it win.</summary>
public sealed class InputPresetLoadingTests
{
    private static InputSpec Load(string input) => ScenarioLoader.Parse($$"""
        id: s
        tags: [pr]
        clip:
          source: synthetic://urban-day?seed=7&frames=4
        model:
          source: reference://detector-v1
          layout: yolov8
          input: { width: 320, height: 192, {{input}} }
          classes: [car, pedestrian, cyclist]
        """, "s.yaml").Model.Input;

    [Fact]
    public void Yolox_is_bgr_0_to_255_letterboxed_top_left_with_a_truncated_size_and_the_8_bit_resize()
    {
        var input = Load("preset: yolox");

        Assert.Equal((true, 1f, true, LetterboxPlacement.TopLeft, SizeRounding.Truncate, ResizeMethod.EightBit, (byte)114, "yolox"),
            (input.Bgr, input.Scale, input.Letterbox, input.Placement, input.SizeRounding, input.Resize, input.PadValue, input.Preset));
        Assert.Equal([0f, 0f, 0f], input.Mean);
        Assert.Equal([1f, 1f, 1f], input.Std);
    }

    [Fact]
    public void Torchvision_normalises_with_imagenet_statistics_and_resizes_in_float()
    {
        var input = Load("preset: torchvision");

        Assert.Equal([0.485f, 0.456f, 0.406f], input.Mean);
        Assert.Equal([0.229f, 0.224f, 0.225f], input.Std);
        Assert.Equal((ResizeMethod.FloatingPoint, LetterboxPlacement.TopLeft, false), (input.Resize, input.Placement, input.Bgr));
    }

    [Fact]
    public void A_key_beside_the_preset_overrides_it_and_the_rest_stays_the_presets()
    {
        var input = Load("preset: yolox, channel_order: rgb, size_rounding: round");

        Assert.Equal((false, SizeRounding.Round, LetterboxPlacement.TopLeft, 1f), (input.Bgr, input.SizeRounding, input.Placement, input.Scale));
    }

    [Fact]
    public void Without_a_preset_the_defaults_are_ultralytics_and_the_ultralytics_preset_changes_nothing()
    {
        var plain = Load("pad_value: 114");
        var preset = Load("preset: ultralytics");

        static object Settings(InputSpec i) => (i.Width, i.Height, i.Letterbox, i.Scale, string.Join(",", i.Mean), string.Join(",", i.Std), i.Bgr, i.PadValue, i.Placement, i.Resize, i.SizeRounding);
        Assert.Equal(Settings(plain), Settings(preset));
        Assert.Equal((ResizeMethod.EightBit, SizeRounding.Round, (string?)null), (plain.Resize, plain.SizeRounding, plain.Preset));
    }

    [Fact]
    public void The_rtdetr_preset_stretches_and_so_leaves_the_placement_at_its_default()
    {
        var input = Load("preset: rtdetr");

        Assert.Equal((false, LetterboxPlacement.Center), (input.Letterbox, input.Placement));
    }

    [Fact]
    public void An_unknown_preset_is_an_error_listing_the_known_ones()
    {
        var error = Assert.Throws<ScenarioValidationException>(() => Load("preset: detectron"));

        Assert.Contains("model.input.preset: unknown preset 'detectron' (expected one of: ultralytics, yolox, rtdetr, torchvision)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("resize: floats", "model.input.resize")]
    [InlineData("size_rounding: floor", "model.input.size_rounding")]
    public void A_resize_word_outside_its_choices_is_an_error_naming_the_key(string setting, string field)
    {
        var error = Assert.Throws<ScenarioValidationException>(() => Load(setting));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }
}
