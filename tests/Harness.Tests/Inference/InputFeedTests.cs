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

    private static readonly DetectorContract Echo = EchoModels.Contract(Width, Height);

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(false, true, false)]
    [InlineData(true, false, false)]
    [InlineData(true, true, true)]
    [InlineData(false, false, true)]
    public void Model_receives_the_preprocessed_planes_whatever_its_layout_and_precision(bool half, bool channelLast, bool dynamic)
    {
        var type = half ? OnnxElementType.Float16 : OnnxElementType.Float;
        using var detector = OnnxDetector.Load(EchoModels.Build(type, channelLast, dynamic, Width, Height), "echo.onnx", Echo);
        var input = detector.InputBuffer;
        for (var i = 0; i < input.Length; i++)
        {
            // Integers and halves below 2048 are exact in float16, so any difference is a misplaced value.
            input[i] = (i * 7 % 24) + 0.5f;
        }

        detector.Run();

        Assert.Equal(input.ToArray(), detector.Output(0).ToArray());
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Inputs_created_beside_the_detector_are_run_in_place_and_Run_goes_back_to_its_own(bool half, bool channelLast)
    {
        using var detector = OnnxDetector.Load(EchoModels.Build(half ? OnnxElementType.Float16 : OnnxElementType.Float, channelLast, dynamic: false, Width, Height), "echo.onnx", Echo);
        using var first = detector.CreateInput();
        using var second = detector.CreateInput();
        Fill(first.Planar, 1);
        Fill(second.Planar, 2);
        Fill(detector.InputBuffer, 3);
        first.Commit();
        second.Commit();

        detector.RunInPlace(first);
        var fromFirst = detector.Output(0).ToArray();
        detector.RunInPlace(second);
        var fromSecond = detector.Output(0).ToArray();
        detector.Run();

        Assert.Equal(first.Planar, fromFirst);
        Assert.Equal(second.Planar, fromSecond);
        Assert.Equal(detector.InputBuffer.ToArray(), detector.Output(0).ToArray());
        Assert.NotEqual(fromFirst, fromSecond);
    }

    [Fact]
    public void Uint8_input_is_rounded_half_to_even_and_saturated()
    {
        using var detector = OnnxDetector.Load(EchoModels.Build(OnnxElementType.UInt8, channelLast: true, dynamic: true, Width, Height), "echo.onnx", Echo);
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
            () => OnnxDetector.Load(EchoModels.Build(OnnxElementType.Float, channelLast: true, dynamic: false, 8, Height), "echo.onnx", Echo));

        Assert.Contains("input 'images' has shape [1, 2, 8, 3] but the scenario expects [1, 3, 2, 4] (NCHW) or [1, 2, 4, 3] (NHWC)", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Distinct small integers per <paramref name="seed"/>, exact in float16.</summary>
    private static void Fill(Span<float> input, int seed)
    {
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = ((i * 7) + (seed * 5)) % 24;
        }
    }
}
