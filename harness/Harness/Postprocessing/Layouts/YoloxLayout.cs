using System.Numerics.Tensors;
using Harness.Inference;

namespace Harness.Postprocessing.Layouts;

/// <summary>
/// YOLOX as its official tools/export_onnx.py writes it (decode_in_inference off): one output [1, N, 5+C] whose
/// rows are the raw box regression, then objectness and C class probabilities (the head applies the sigmoid to
/// those two in export mode). Rows run over the strides in order, each grid row-major (y, then x) over
/// (H / stride) x (W / stride) cells; the box is decoded as YOLOX's demo_postprocess does: centre = (offset + cell)
/// * stride, size = exp(raw) * stride. Score is objectness times the best class probability; needs NMS.
/// </summary>
internal sealed class YoloxLayout : OutputLayout
{
    private static readonly LayoutSetting[] Declared =
    [
        LayoutSetting.PositiveIntegers("strides", "the head's strides, in output order (YOLOX P6 models add 64)", 8, 16, 32),
    ];

    private static readonly TensorPattern[] Pattern =
        [new("predictions", ["output"], ShapeDim.One, ShapeDim.Anchors, ShapeDim.Classes(5))];

    public override string Name => "yolox";

    public override string Summary => "YOLOX official export: [1, N, 5+C], grid-relative raw boxes, objectness and class probabilities";

    public override IReadOnlyList<LayoutSetting> Settings => Declared;

    public override IReadOnlyList<TensorPattern> Outputs(LayoutSettings settings) => Pattern;

    internal override int? Anchors(LayoutConfig config) =>
        config.Settings.Integers("strides").ToArray().Sum(s => (config.InputHeight / s) * (config.InputWidth / s));

    internal override void DecodeReference(ModelOutputs outputs, LayoutConfig config, LayoutShape shape, float threshold, List<Detection> boxes)
    {
        var columns = 5 + shape.Classes;
        var data = outputs[0].Data.ToArray();
        var a = 0;
        foreach (var stride in config.Settings.Integers("strides"))
        {
            for (var gy = 0; gy < config.InputHeight / stride; gy++)
            {
                for (var gx = 0; gx < config.InputWidth / stride; gx++, a++)
                {
                    var row = a * columns;
                    var (classId, classScore) = ReferenceDecoding.ArgMax(shape.Classes, c => data[row + 5 + c]);
                    var score = data[row + 4] * classScore;
                    if (score > threshold)
                    {
                        boxes.Add(ReferenceDecoding.FromCentre(
                            (data[row] + gx) * stride,
                            (data[row + 1] + gy) * stride,
                            MathF.Exp(data[row + 2]) * stride,
                            MathF.Exp(data[row + 3]) * stride,
                            score,
                            classId));
                    }
                }
            }
        }
    }

    /// <remarks>Class probabilities are at most 1, so a row whose objectness is not above the threshold cannot pass and its classes are not read.</remarks>
    internal override void Decode(ModelOutputs outputs, LayoutConfig config, LayoutShape shape, float threshold, Candidates candidates)
    {
        var columns = 5 + shape.Classes;
        var data = outputs[0].Data;
        var a = 0;
        foreach (var stride in config.Settings.Integers("strides"))
        {
            var cellsX = config.InputWidth / stride;
            var cellsY = config.InputHeight / stride;
            for (var gy = 0; gy < cellsY; gy++)
            {
                for (var gx = 0; gx < cellsX; gx++, a++)
                {
                    var row = data.Slice(a * columns, columns);
                    if (!(row[4] > threshold))
                    {
                        continue;
                    }

                    var classes = row[5..];
                    var classId = TensorPrimitives.IndexOfMax(classes);
                    var score = row[4] * classes[classId];
                    if (score > threshold)
                    {
                        candidates.AddCentre(
                            (row[0] + gx) * stride, (row[1] + gy) * stride, MathF.Exp(row[2]) * stride, MathF.Exp(row[3]) * stride, score, classId);
                    }
                }
            }
        }
    }
}
