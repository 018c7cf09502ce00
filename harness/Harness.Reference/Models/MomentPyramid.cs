using Harness.Models.Onnx;

namespace Harness.Models;

/// <summary>
/// The graph part that turns the class colour responses into a pyramid of mask moments: per class the mask m (the
/// response above a threshold, scaled and saturated at 1, then averaged down to the first level) and m*x, m*y, m*x^2, m*y^2 in input-pixel coordinates, average-pooled level by
/// level. Pooling a block of these over an anchor's window gives the window's colour centroid and spread, from which
/// <see cref="BoxRegression"/> decodes a box, so a box follows the object instead of the anchor grid.
/// </summary>
internal sealed class MomentPyramid
{
    public const int MomentCount = 5;

    private readonly OnnxGraph _graph;
    private readonly Dictionary<int, string> _levels = [];
    private readonly Dictionary<(int Level, int ClassId), string> _perClass = [];

    private MomentPyramid(OnnxGraph graph) => _graph = graph;

    /// <param name="response">The class colour responses at input resolution, [1, C, H, W].</param>
    public static MomentPyramid Build(OnnxGraph graph, string response, int firstLevel, IReadOnlyList<int> levels, ReferenceDetectorParameters parameters)
    {
        var gain = graph.AddInitializer("mask_gain", [1, ReferenceDetectorGraph.ClassCount, 1, 1], parameters.MaskGains);
        var threshold = graph.AddInitializer("mask_threshold", [1, ReferenceDetectorGraph.ClassCount, 1, 1], parameters.MaskThresholds.Select((t, c) => -t * parameters.MaskGains[c]).ToArray());
        var one = graph.AddInitializer("mask_saturation", [1], [1f]);
        var fullMask = graph.Add("Min", [graph.Add("Relu", [graph.Add("Add", [graph.Add("Mul", [response, gain]), threshold])]), one]);
        var mask = graph.Add("AveragePool", [fullMask], OnnxAttribute.Of("kernel_shape", (long)firstLevel, firstLevel), OnnxAttribute.Of("strides", (long)firstLevel, firstLevel));
        var height = ReferenceDetectorGraph.InputHeight / firstLevel;
        var width = ReferenceDetectorGraph.InputWidth / firstLevel;
        var xs = new float[height * width];
        var ys = new float[height * width];
        for (var r = 0; r < height; r++)
        {
            for (var c = 0; c < width; c++)
            {
                xs[(r * width) + c] = (c + 0.5f) * firstLevel;
                ys[(r * width) + c] = (r + 0.5f) * firstLevel;
            }
        }

        var x = graph.AddInitializer("moment_x", [1, 1, height, width], xs);
        var y = graph.AddInitializer("moment_y", [1, 1, height, width], ys);
        var mx = graph.Add("Mul", [mask, x]);
        var my = graph.Add("Mul", [mask, y]);
        var moments = graph.Add("Concat", [mask, mx, my, graph.Add("Mul", [mx, x]), graph.Add("Mul", [my, y])], OnnxAttribute.Of("axis", 1L));

        var pyramid = new MomentPyramid(graph);
        pyramid._levels[firstLevel] = moments;
        var previous = moments;
        foreach (var level in levels.Where(l => l > firstLevel))
        {
            previous = graph.Add("AveragePool", [previous], OnnxAttribute.Of("kernel_shape", 2L, 2L), OnnxAttribute.Of("strides", 2L, 2L));
            pyramid._levels[level] = previous;
        }

        return pyramid;
    }

    /// <summary>
    /// The moments of one anchor block's class pooled over its template window: [1, 5, rows * columns]. The window
    /// mean is separable, so a column pass then a row pass cost kh + kw per output instead of kh * kw.
    /// </summary>
    public string PoolOver(AnchorBlock block, int blockIndex)
    {
        var columns = _graph.Add(
            "AveragePool",
            [ClassMoments(block.Level, block.ClassId)],
            OnnxAttribute.Of("kernel_shape", block.TemplateHeight, 1L),
            OnnxAttribute.Of("strides", block.StrideY, 1L),
            OnnxAttribute.Of("pads", AnchorBlock.PadBegin(block.TemplateHeight, block.StrideY), 0L, AnchorBlock.PadEnd(block.TemplateHeight, block.StrideY), 0L));
        var pooled = _graph.Add(
            "AveragePool",
            [columns],
            OnnxAttribute.Of("kernel_shape", 1L, block.TemplateWidth),
            OnnxAttribute.Of("strides", 1L, block.StrideX),
            OnnxAttribute.Of("pads", 0L, AnchorBlock.PadBegin(block.TemplateWidth, block.StrideX), 0L, AnchorBlock.PadEnd(block.TemplateWidth, block.StrideX)));
        var shape = _graph.AddInitializer($"moments_{blockIndex}_flat", [3], [1L, MomentCount, -1L]);
        return _graph.Add("Reshape", [pooled, shape]);
    }

    private string ClassMoments(int level, int classId)
    {
        if (!_perClass.TryGetValue((level, classId), out var moments))
        {
            var channels = Enumerable.Range(0, MomentCount).Select(m => (long)((m * ReferenceDetectorGraph.ClassCount) + classId)).ToArray();
            var indices = _graph.AddInitializer($"moments_l{level}_c{classId}_channels", [MomentCount], channels);
            moments = _graph.Add("Gather", [_levels[level], indices], OnnxAttribute.Of("axis", 1L));
            _perClass[(level, classId)] = moments;
        }

        return moments;
    }
}
