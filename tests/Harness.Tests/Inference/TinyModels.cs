using Harness.Models.Onnx;

namespace Harness.Tests.Inference;

/// <summary>Small hand-checkable detector-shaped graphs: a 1x1 Conv from RGB to 7 channels, flattened to [1, 7, H*W].</summary>
internal static class TinyModels
{
    public static float Weight(int channel, int color) => (channel + 1) * (color == 0 ? 1f : color == 1 ? -0.5f : 0.25f);

    public static float Bias(int channel) => channel * 0.1f;

    public static byte[] Yolov8Like(int height, int width, bool dynamicAnchors = false)
    {
        var graph = new OnnxGraph("tiny");
        graph.AddInput("images", OnnxElementType.Float, 1, 3, height, width);
        var weights = new float[7 * 3];
        var bias = new float[7];
        for (var k = 0; k < 7; k++)
        {
            bias[k] = Bias(k);
            for (var c = 0; c < 3; c++)
            {
                weights[(k * 3) + c] = Weight(k, c);
            }
        }

        var w = graph.AddInitializer("w", [7, 3, 1, 1], weights);
        var b = graph.AddInitializer("b", [7], bias);
        var shape = graph.AddInitializer("shape", [3], [1L, 7L, -1L]);
        var conv = graph.Add("Conv", ["images", w, b], OnnxAttribute.Of("kernel_shape", 1L, 1L));
        graph.AddNode("Reshape", [conv, shape], ["output0"]);
        graph.AddOutput("output0", OnnxElementType.Float, 1, 7, dynamicAnchors ? -1 : height * width);
        return graph.ToModelBytes(17, "test");
    }
}
