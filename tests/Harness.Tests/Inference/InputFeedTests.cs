using Harness.Inference;
using Harness.Models.Onnx;

namespace Harness.Tests.Inference;

/// <summary>
/// The preprocessor always writes float CHW; models that take NHWC, float16 or uint8 are fed through a transpose and
/// a conversion. An echo graph (input cast to float, transposed to NCHW, flattened) shows what the model received.
/// </summary>
public sealed class InputFeedTests
{
    private const int Width = 4;
    private const int Height = 2;

    private static readonly DetectorContract Echo = new(
        Width, Height, 1, "echo", [new TensorPattern("echo", ["echo"], ShapeDim.One, ShapeDim.Fixed(3), ShapeDim.Anchors)]);

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(false, true, false)]
    [InlineData(true, false, false)]
    [InlineData(true, true, true)]
    [InlineData(false, false, true)]
    public void Model_receives_the_preprocessed_planes_whatever_its_layout_and_precision(bool half, bool channelLast, bool dynamic)
    {
        var type = half ? OnnxElementType.Float16 : OnnxElementType.Float;
        using var detector = OnnxDetector.Load(EchoModel(type, channelLast, dynamic), "echo.onnx", Echo);
        var input = detector.InputBuffer;
        for (var i = 0; i < input.Length; i++)
        {
            // Integers and halves below 2048 are exact in float16, so any difference is a misplaced value.
            input[i] = (i * 7 % 24) + 0.5f;
        }

        detector.Run();

        Assert.Equal(input.ToArray(), detector.Output(0).ToArray());
    }

    [Fact]
    public void Uint8_input_is_rounded_half_to_even_and_saturated()
    {
        using var detector = OnnxDetector.Load(EchoModel(OnnxElementType.UInt8, channelLast: true, dynamic: true), "echo.onnx", Echo);
        float[] planar = [0f, 1.4f, 1.6f, 2.5f, 3.5f, 254.6f, 255f, 300f, -2f, 17f, 18f, 19f, 20f, 21f, 22f, 23f, 24f, 25f, 26f, 27f, 28f, 29f, 30f, 31f];
        planar.CopyTo(detector.InputBuffer);

        detector.Run();

        float[] expected = [0f, 1f, 2f, 2f, 4f, 255f, 255f, 255f, 0f, 17f, 18f, 19f, 20f, 21f, 22f, 23f, 24f, 25f, 26f, 27f, 28f, 29f, 30f, 31f];
        Assert.Equal(expected, detector.Output(0).ToArray());
        Assert.Equal(typeof(byte), detector.InputElementType);
    }

    [Fact]
    public void Input_whose_channel_axis_cannot_be_told_is_refused_naming_both_readings()
    {
        var graph = new OnnxGraph("ambiguous");
        graph.AddInput("images", OnnxElementType.Float, -1, -1, -1, -1);
        graph.AddNode("Identity", ["images"], ["echo"]);
        graph.AddOutput("echo", OnnxElementType.Float, -1, -1, -1, -1);

        var error = Assert.Throws<DetectorModelException>(() => OnnxDetector.Load(graph.ToModelBytes(17, "test"), "ambiguous.onnx", Echo));

        Assert.Contains("input 'images' has shape [?, ?, ?, ?]", error.Message, StringComparison.Ordinal);
        Assert.Contains("NCHW [1, 3, 2, 4] or NHWC [1, 2, 4, 3]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_of_another_size_is_refused_naming_both_layouts_the_scenario_accepts()
    {
        var error = Assert.Throws<DetectorModelException>(
            () => OnnxDetector.Load(EchoModel(OnnxElementType.Float, channelLast: true, dynamic: false, width: 8), "echo.onnx", Echo));

        Assert.Contains("input 'images' has shape [1, 2, 8, 3] but the scenario expects [1, 3, 2, 4] (NCHW) or [1, 2, 4, 3] (NHWC)", error.Message, StringComparison.Ordinal);
    }

    private static byte[] EchoModel(OnnxElementType type, bool channelLast, bool dynamic, int width = Width)
    {
        var graph = new OnnxGraph("echo");
        long[] shape = channelLast ? [1, Height, width, 3] : [1, 3, Height, width];
        if (dynamic)
        {
            // Exporters name batch, height and width dynamic and keep the channel axis fixed.
            shape = channelLast ? [-1, -1, -1, 3] : [-1, 3, -1, -1];
        }

        graph.AddInput("images", type, shape);
        var value = type == OnnxElementType.Float ? "images" : graph.Add("Cast", ["images"], OnnxAttribute.Of("to", (long)OnnxElementType.Float));
        if (channelLast)
        {
            value = graph.Add("Transpose", [value], OnnxAttribute.Of("perm", 0L, 3L, 1L, 2L));
        }

        var flat = graph.AddInitializer("flat", [3], [1L, 3L, -1L]);
        graph.AddNode("Reshape", [value, flat], ["echo"]);
        graph.AddOutput("echo", OnnxElementType.Float, 1, 3, -1);
        return graph.ToModelBytes(17, "test");
    }
}
