using Harness.Inference;
using Harness.Models.Onnx;

namespace Harness.Tests.Inference;

/// <summary>
/// A graph that outputs what it received: the input cast to float, transposed to NCHW and flattened to [1, 3, H*W],
/// so a test sees exactly what a model would have been fed.
/// </summary>
internal static class EchoModels
{
    public static DetectorContract Contract(int width, int height) =>
        new(width, height, 1, "echo", [new TensorPattern("echo", ["echo"], ShapeDim.One, ShapeDim.Fixed(3), ShapeDim.Anchors)]);

    public static byte[] Build(OnnxElementType type, bool channelLast, bool dynamic, int width, int height)
    {
        var graph = new OnnxGraph("echo");
        long[] shape = channelLast ? [1, height, width, 3] : [1, 3, height, width];
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
