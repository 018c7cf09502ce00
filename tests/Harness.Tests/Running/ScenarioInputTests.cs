using Harness.Preprocessing;
using Harness.Running;
using Harness.Scenarios;

namespace Harness.Tests.Running;

/// <summary>Every <c>model.input</c> setting reaches the preprocessor: YAML -> InputSpec -> PreprocessOptions.</summary>
public sealed class ScenarioInputTests
{
    [Fact]
    public void Every_input_setting_written_in_yaml_reaches_the_preprocess_options()
    {
        var options = OptionsFrom("""
            { width: 33, height: 21, channel_order: bgr, scale: 1, mean: [1, 2, 3], std: [4, 5, 6],
              letterbox: true, letterbox_placement: top_left, pad_value: 7 }
            """);

        Assert.Equal(33, options.Width);
        Assert.Equal(21, options.Height);
        Assert.Equal(ChannelOrder.Bgr, options.ChannelOrder);
        Assert.Equal(1f, options.Scale);
        Assert.Equal(new ChannelValues(1, 2, 3), options.Mean);
        Assert.Equal(new ChannelValues(4, 5, 6), options.Std);
        Assert.True(options.Letterbox);
        Assert.Equal(LetterboxPlacement.TopLeft, options.Placement);
        Assert.Equal(7, options.PadValue);
    }

    [Fact]
    public void Left_out_input_settings_become_the_preprocessor_defaults()
    {
        var options = OptionsFrom("{ width: 64, height: 48 }");

        Assert.Equal(new PreprocessOptions(64, 48), options);
    }

    [Fact]
    public void Letterbox_off_reaches_the_preprocess_options()
    {
        Assert.False(OptionsFrom("{ width: 64, height: 48, letterbox: false }").Letterbox);
    }

    private static PreprocessOptions OptionsFrom(string input)
    {
        var yaml = $"""
            id: s
            tags: [pr]
            clip:
              source: synthetic://urban-day
            model:
              source: reference://detector-v1
              layout: yolov8
              input: {input.ReplaceLineEndings(" ")}
              classes: [car]
            """;
        return ScenarioRunner.PreprocessOptionsFor(ScenarioLoader.Parse(yaml, "s.yaml").Model.Input);
    }
}
