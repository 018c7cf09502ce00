using Harness.Models.Onnx;

namespace Harness.Models;

/// <summary>
/// Writes the reference detector as an ONNX graph: brightness normalization -> colour matched filters (1x1 Conv, ReLU)
/// -> capped at <see cref="ReferenceDetectorParameters.ResponseCap"/> -> an average-pooled pyramid (1/2 .. 1/16) -> per
/// class and anchor height one Conv whose kernel is the class template (parts that should and should not show the
/// class colour, a negative surround, other classes' colours penalized) on the level where the object is 7-20 pixels
/// tall -> score logits. Boxes come from the uncapped class mask's moments over each template window
/// (<see cref="MomentPyramid"/>, <see cref="BoxRegression"/>); an anchor whose decoded box disagrees with its own size,
/// whose window is filled with its class colour (it sits inside a larger object), or whose whole-object box its class
/// colour covers too little of, loses score, so the anchors around one object agree on one box and NMS keeps one.
/// Output YOLOv8-shaped [1, 4 + C, N]: cx, cy, w, h in input pixels and one-hot class scores.
/// </summary>
internal static class ReferenceDetectorGraph
{
    public const int InputWidth = 640;
    public const int InputHeight = 384;
    public const int ClassCount = 3;
    public const int OpsetVersion = 17;

    private const int MaxBoxHeightAtLevel = 20;

    private static readonly int[] Levels = [2, 4, 8, 16];

    private const float SmallestAnchorHeight = 14f;
    private const float LargestAnchorHeight = 240f;

    public static IReadOnlyList<AnchorBlock> Anchors(ReferenceDetectorParameters parameters)
    {
        var blocks = new List<AnchorBlock>();
        for (var classId = 0; classId < ClassCount; classId++)
        {
            foreach (var (height, aspect) in AnchorHeights(parameters).SelectMany(h => parameters.Aspects[classId].Select(a => (h, a))))
            {
                var width = height * aspect;
                var level = Levels.First(l => height / l <= MaxBoxHeightAtLevel || l == Levels[^1]);
                var boxHeight = Math.Max(1, (int)MathF.Round(height / (float)level));
                var boxWidth = Math.Max(1, (int)MathF.Round(width / level));
                var strideY = StrideFor(height / parameters.CellsPerBoxHeight, level) / level;
                var strideX = StrideFor(width / parameters.CellsPerBoxWidth, level) / level;
                var block = new AnchorBlock(classId, level, boxHeight, boxWidth, Surround(boxHeight, parameters), Surround(boxWidth, parameters), strideY, strideX, aspect, AnchorPart.Whole);
                blocks.Add(block);
                if (parameters.TopPartVisible[classId] > 0f && height >= parameters.TopPartMinHeight)
                {
                    blocks.Add(block with { Part = AnchorPart.VisibleTop, StrideY = block.StrideY * parameters.TopPartStrideFactor, StrideX = block.StrideX * parameters.TopPartStrideFactor });
                }
            }
        }

        return blocks;
    }

    public static byte[] Build(string name, ReferenceDetectorParameters parameters)
    {
        var graph = new OnnxGraph(name);
        graph.AddInput("images", OnnxElementType.Float, 1, 3, InputHeight, InputWidth);
        var meanWeights = graph.AddInitializer("brightness_weights", [1, 3, 1, 1], [1f / 3f, 1f / 3f, 1f / 3f]);
        var floor = graph.AddInitializer("brightness_floor", [1], [parameters.BrightnessFloor]);
        var brightness = graph.Add("Conv", ["images", meanWeights, floor], OnnxAttribute.Of("kernel_shape", 1L, 1L));
        var chroma = graph.Add("Div", ["images", brightness]);
        var filters = graph.AddInitializer("color_filters", [ClassCount, 3, 1, 1], parameters.ColorFilters);
        var bias = graph.AddInitializer("color_bias", [ClassCount], parameters.ColorBias);
        var response = graph.Add("Relu", [graph.Add("Conv", [chroma, filters, bias], OnnxAttribute.Of("kernel_shape", 1L, 1L))]);
        var pyramid = new Dictionary<int, string>();
        var previous = graph.Add("Min", [response, graph.AddInitializer("template_response_cap", [1], [parameters.ResponseCap])]);
        foreach (var level in Levels)
        {
            previous = graph.Add("AveragePool", [previous], OnnxAttribute.Of("kernel_shape", 2L, 2L), OnnxAttribute.Of("strides", 2L, 2L));
            pyramid[level] = previous;
        }

        var moments = MomentPyramid.Build(graph, response, Levels[0], Levels, parameters);
        var anchors = Anchors(parameters);
        var scores = new List<string>();
        var pooledMoments = new List<string>();
        var blockIndex = 0;
        foreach (var block in anchors)
        {
            var weights = graph.AddInitializer($"template_{blockIndex}", [1, 3, block.TemplateHeight, block.TemplateWidth], TemplateWeights.Create(block, parameters));
            var offsets = block.Part == AnchorPart.Whole ? parameters.Offsets : parameters.TopPartOffsets;
            var offset = graph.AddInitializer($"template_{blockIndex}_offset", [1], [offsets[block.ClassId]]);
            var map = graph.Add(
                "Conv",
                [pyramid[block.Level], weights, offset],
                OnnxAttribute.Of("kernel_shape", block.TemplateHeight, block.TemplateWidth),
                OnnxAttribute.Of("strides", block.StrideY, block.StrideX),
                OnnxAttribute.Of(
                    "pads",
                    AnchorBlock.PadBegin(block.TemplateHeight, block.StrideY),
                    AnchorBlock.PadBegin(block.TemplateWidth, block.StrideX),
                    AnchorBlock.PadEnd(block.TemplateHeight, block.StrideY),
                    AnchorBlock.PadEnd(block.TemplateWidth, block.StrideX)));
            var shape = graph.AddInitializer($"template_{blockIndex}_flat", [3], [1L, 1L, -1L]);
            scores.Add(graph.Add("Reshape", [map, shape]));
            pooledMoments.Add(moments.PoolOver(block, blockIndex));
            blockIndex++;
        }

        var count = anchors.Sum(b => b.Rows(InputHeight) * b.Columns(InputWidth));
        var layout = AnchorLayout.Create(anchors, parameters, count);
        var windowMoments = graph.Add("Concat", [.. pooledMoments], OnnxAttribute.Of("axis", 2L));
        var boxes = BoxRegression.Decode(graph, windowMoments, layout, count);
        var size = BoxRegression.Size(graph, boxes);
        var logits = graph.Add("Concat", [.. scores], OnnxAttribute.Of("axis", 2L));
        var penalties = graph.Add("Sum", [
            BoxRegression.SizeDisagreement(graph, size, layout, count, parameters.SizeDisagreementWeight),
            BoxRegression.Overfill(graph, windowMoments, parameters.OverfillLimit, parameters.OverfillWeight),
            BoxRegression.Underfill(graph, windowMoments, size, layout, count, parameters.UnderfillWeight)]);
        var score = graph.Add("Sigmoid", [graph.Add("Sub", [logits, penalties])]);
        var classMask = graph.AddInitializer("class_mask", [1, ClassCount, count], layout.ClassMask);
        graph.AddNode("Concat", [boxes, graph.Add("Mul", [score, classMask])], ["output0"], OnnxAttribute.Of("axis", 1L));
        graph.AddOutput("output0", OnnxElementType.Float, 1, 4 + ClassCount, count);
        return graph.ToModelBytes(OpsetVersion, "Harness.Models.ReferenceModels");
    }

    private static IEnumerable<int> AnchorHeights(ReferenceDetectorParameters parameters)
    {
        for (var height = SmallestAnchorHeight; height <= LargestAnchorHeight; height *= parameters.AnchorScaleStep)
        {
            yield return (int)MathF.Round(height);
        }
    }

    private static int Surround(int kernel, ReferenceDetectorParameters parameters) =>
        Math.Max(kernel + 2, (int)MathF.Round(kernel * parameters.SurroundScale));

    /// <summary>A power-of-two stride in input pixels, at most <paramref name="limit"/>, at least 4 and one level pixel.</summary>
    private static int StrideFor(float limit, int level)
    {
        var stride = Math.Max(4, level);
        while (stride * 2 <= limit && stride < 64)
        {
            stride *= 2;
        }

        return stride;
    }
}
