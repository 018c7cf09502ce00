using Harness.Models.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace Harness.Tests.Models.Onnx;

public class OnnxGraphTests
{
    [Fact]
    public void Writes_identical_bytes_for_identical_graphs()
    {
        Assert.Equal(ConvModel(), ConvModel());
    }

    [Fact]
    public void Conv_with_known_weights_computes_the_hand_checked_result_in_onnx_runtime()
    {
        // Input 1x1x3x3 = 1..9, kernel 2x2 [[1, 0], [0, -1]], bias 0.5, stride 1, no padding:
        // out[i, j] = x[i, j] - x[i + 1, j + 1] + 0.5 = -4 + 0.5 everywhere.
        float[] input = [1, 2, 3, 4, 5, 6, 7, 8, 9];
        var output = RunSingle(ConvModel(), input, [1, 1, 3, 3]);
        Assert.Equal(new[] { -3.5f, -3.5f, -3.5f, -3.5f }, output);
    }

    [Fact]
    public void Attributes_reach_onnx_runtime_pads_and_strides_of_average_pool()
    {
        // 1x1x4x4 = 0..15, AveragePool kernel 2x2 stride 2, no padding -> means of the four 2x2 blocks.
        var graph = new OnnxGraph("pool");
        graph.AddInput("x", OnnxElementType.Float, 1, 1, 4, 4);
        graph.AddNode("AveragePool", ["x"], ["y"], OnnxAttribute.Of("kernel_shape", 2L, 2L), OnnxAttribute.Of("strides", 2L, 2L), OnnxAttribute.Of("pads", 0L, 0L, 0L, 0L));
        graph.AddOutput("y", OnnxElementType.Float, 1, 1, 2, 2);
        var input = Enumerable.Range(0, 16).Select(i => (float)i).ToArray();
        var output = RunSingle(graph.ToModelBytes(17, "test"), input, [1, 1, 4, 4]);
        Assert.Equal(new[] { 2.5f, 4.5f, 10.5f, 12.5f }, output);
    }

    [Fact]
    public void Int64_initializers_drive_reshape()
    {
        var graph = new OnnxGraph("reshape");
        graph.AddInput("x", OnnxElementType.Float, 1, 2, 3);
        var shape = graph.AddInitializer("shape", [2], [3L, 2L]);
        graph.AddNode("Reshape", ["x", shape], ["y"]);
        graph.AddOutput("y", OnnxElementType.Float, 3, 2);
        float[] input = [1, 2, 3, 4, 5, 6];
        Assert.Equal(input, RunSingle(graph.ToModelBytes(17, "test"), input, [1, 2, 3]));
    }

    [Fact]
    public void Rejects_initializer_whose_values_do_not_fill_its_shape()
    {
        var graph = new OnnxGraph("bad");
        var error = Assert.Throws<ArgumentException>(() => graph.AddInitializer("w", [2, 2], [1f, 2f, 3f]));
        Assert.Contains("'w'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_constant_asked_for_twice_is_written_once()
    {
        static byte[] Build(int times)
        {
            var graph = new OnnxGraph("shared");
            graph.AddInput("x", OnnxElementType.Float, 1, 2);
            var scale = "";
            for (var i = 0; i < times; i++)
            {
                scale = graph.AddInitializer("scale", [1], [3f]);
            }

            graph.AddNode("Mul", ["x", scale], ["y"]);
            graph.AddOutput("y", OnnxElementType.Float, 1, 2);
            return graph.ToModelBytes(17, "test");
        }

        Assert.Equal(Build(1), Build(2));
        Assert.Equal([3f, 6f], RunSingle(Build(2), [1f, 2f], [1, 2]));
    }

    [Fact]
    public void Rejects_a_second_constant_under_a_name_already_taken()
    {
        var graph = new OnnxGraph("clash");
        graph.AddInitializer("w", [1], [1f]);

        var error = Assert.Throws<InvalidOperationException>(() => graph.AddInitializer("w", [1], [2f]));
        Assert.Contains("'w'", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => graph.AddInitializer("w", [1, 1], [1f]));
        Assert.Throws<InvalidOperationException>(() => graph.AddInitializer("w", [1], [1L]));
    }

    internal static float[] RunSingle(byte[] model, float[] input, long[] shape)
    {
        using var session = new InferenceSession(model);
        using var inputValue = OrtValue.CreateTensorValueFromMemory(input, shape);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [session.InputNames[0]], [inputValue], session.OutputNames);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    private static byte[] ConvModel()
    {
        var graph = new OnnxGraph("conv");
        graph.AddInput("x", OnnxElementType.Float, 1, 1, 3, 3);
        var weights = graph.AddInitializer("w", [1, 1, 2, 2], [1f, 0f, 0f, -1f]);
        var bias = graph.AddInitializer("b", [1], [0.5f]);
        graph.AddNode("Conv", ["x", weights, bias], ["y"], OnnxAttribute.Of("kernel_shape", 2L, 2L));
        graph.AddOutput("y", OnnxElementType.Float, 1, 1, 2, 2);
        return graph.ToModelBytes(17, "test");
    }
}
