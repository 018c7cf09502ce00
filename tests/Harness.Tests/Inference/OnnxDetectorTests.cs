using Harness.Inference;
using Harness.Models;
using Harness.Postprocessing.Layouts;

namespace Harness.Tests.Inference;

public class OnnxDetectorTests
{
    private static readonly DetectorContract Tiny = OutputLayouts.Get("yolov8").Configure(4, 2, 3).Contract;

    [Fact]
    public void Computes_the_hand_checked_output_of_a_tiny_model()
    {
        using var detector = OnnxDetector.Load(TinyModels.Yolov8Like(2, 4), "tiny.onnx", Tiny);
        FillInput(detector.InputBuffer);
        detector.Run();

        Assert.Equal(new long[] { 1, 7, 8 }, detector.OutputShape(0).ToArray());
        var output = detector.Output(0);
        var input = detector.InputBuffer;
        for (var k = 0; k < 7; k++)
        {
            for (var p = 0; p < 8; p++)
            {
                var expected = TinyModels.Bias(k);
                for (var c = 0; c < 3; c++)
                {
                    expected += TinyModels.Weight(k, c) * input[(c * 8) + p];
                }

                Assert.Equal(expected, output[(k * 8) + p], 5);
            }
        }
    }

    [Fact]
    public void Resolves_a_dynamic_output_dimension_before_binding_buffers()
    {
        using var detector = OnnxDetector.Load(TinyModels.Yolov8Like(2, 4, dynamicAnchors: true), "dynamic.onnx", Tiny);
        Assert.Equal(new long[] { 1, 7, 8 }, detector.OutputShape(0).ToArray());
        detector.InputBuffer.Fill(1f);
        detector.Run();
        Assert.Equal(TinyModels.Bias(0) + TinyModels.Weight(0, 0) + TinyModels.Weight(0, 1) + TinyModels.Weight(0, 2), detector.Output(0)[0], 5);
    }

    [Fact]
    public void Rejects_input_shape_mismatch_naming_the_model_and_both_shapes()
    {
        var error = Assert.Throws<DetectorModelException>(
            () => OnnxDetector.Load(TinyModels.Yolov8Like(2, 4), "models/tiny.onnx", OutputLayouts.Get("yolov8").Configure(640, 384, 3).Contract));
        Assert.Contains("'models/tiny.onnx'", error.Message, StringComparison.Ordinal);
        Assert.Contains("[1, 3, 2, 4]", error.Message, StringComparison.Ordinal);
        Assert.Contains("[1, 3, 384, 640]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_output_that_does_not_match_the_declared_layout()
    {
        var error = Assert.Throws<DetectorModelException>(
            () => OnnxDetector.Load(TinyModels.Yolov8Like(2, 4), "tiny.onnx", Tiny with { ClassCount = 80 }));
        Assert.Contains("output 'output0' has shape [1, 7, 8]", error.Message, StringComparison.Ordinal);
        Assert.Contains("[1, 84, N]", error.Message, StringComparison.Ordinal);

        var yolov5 = Assert.Throws<DetectorModelException>(
            () => OnnxDetector.Load(TinyModels.Yolov8Like(2, 4), "tiny.onnx", OutputLayouts.Get("yolov5").Configure(4, 2, 4).Contract));
        Assert.Contains("[1, N, 9]", yolov5.Message, StringComparison.Ordinal);

        var ssd = Assert.Throws<DetectorModelException>(
            () => OnnxDetector.Load(TinyModels.Yolov8Like(2, 4), "tiny.onnx", OutputLayouts.Get("ssd").Configure(4, 2, 3).Contract));
        Assert.Contains("has 1 outputs (output0) but layout ssd expects 2", ssd.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_missing_file_and_unreadable_bytes_naming_the_model()
    {
        var missing = Assert.Throws<DetectorModelException>(() => OnnxDetector.Load("/nonexistent/model.onnx", Tiny));
        Assert.Contains("'/nonexistent/model.onnx' does not exist", missing.Message, StringComparison.Ordinal);

        var garbage = Assert.Throws<DetectorModelException>(() => OnnxDetector.Load([1, 2, 3, 4, 5], "garbage.onnx", Tiny));
        Assert.Contains("'garbage.onnx' could not be loaded", garbage.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loads_from_a_file_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"harness-tiny-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, TinyModels.Yolov8Like(2, 4));
        try
        {
            using var detector = OnnxDetector.Load(path, Tiny);
            Assert.Equal(path, detector.ModelName);
            Assert.Equal("output0", detector.OutputName(0));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Runs_the_reference_model_deterministically()
    {
        var contract = OutputLayouts.Get("yolov8").Configure(ReferenceModels.InputWidth, ReferenceModels.InputHeight, 3).Contract;
        using var detector = OnnxDetector.Load(ReferenceModels.Build("detector-v1"), "reference://detector-v1", contract);
        FillInput(detector.InputBuffer);
        detector.Run();
        var first = detector.Output(0).ToArray();
        detector.Run();
        Assert.Equal(first, detector.Output(0).ToArray());
        Assert.All(first.AsSpan(4 * first.Length / 7).ToArray(), score => Assert.InRange(score, 0f, 1f));
    }

    [Fact]
    public void Output_with_the_wrong_element_type_and_use_after_dispose_are_rejected()
    {
        var detector = OnnxDetector.Load(TinyModels.Yolov8Like(2, 4), "tiny.onnx", Tiny);
        Assert.Throws<InvalidOperationException>(() => detector.Output<long>(0).Length);
        detector.Dispose();
        detector.Dispose();
        Assert.Throws<ObjectDisposedException>(detector.Run);
    }

    private static void FillInput(Span<float> input)
    {
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = ((i * 37) % 101) / 100f;
        }
    }
}
