using System.Numerics.Tensors;
using Harness.Inference;

namespace Harness.Postprocessing.Layouts;

/// <summary>
/// RT-DETR as Ultralytics exports it: one output [1, Q, 4+C] (Q queries, 300 by default), each row cx, cy, w, h
/// normalized to [0, 1] of the input, then C class scores: probabilities (Ultralytics applies the sigmoid in the
/// exported graph) or raw logits (other exports; the decoder applies the sigmoid, as RT-DETR's focal-loss head is
/// trained for). The query set has no duplicates to suppress, so there is no NMS.
/// </summary>
internal sealed class RtDetrLayout : OutputLayout
{
    private static readonly LayoutSetting[] Declared =
    [
        LayoutSetting.Choice("scores", "class scores as probabilities (sigmoid already applied) or logits", "probabilities", "probabilities", "logits"),
    ];

    private static readonly TensorPattern[] Pattern =
        [new("predictions", ["output0"], ShapeDim.One, ShapeDim.Anchors, ShapeDim.Classes(4))];

    public override string Name => "rtdetr";

    public override string Summary => "RT-DETR (Ultralytics export): [1, 300, 4+C], normalized cx cy w h then class scores, no NMS";

    public override IReadOnlyList<LayoutSetting> Settings => Declared;

    public override bool Suppressed => true;

    public override IReadOnlyList<TensorPattern> Outputs(LayoutSettings settings) => Pattern;

    internal override void DecodeReference(ModelOutputs outputs, LayoutConfig config, LayoutShape shape, float threshold, List<Detection> boxes)
    {
        var logits = config.Settings["scores"] == "logits";
        var columns = 4 + shape.Classes;
        var data = outputs[0].Data.ToArray();
        for (var q = 0; q < shape.Anchors; q++)
        {
            var row = q * columns;
            var (classId, best) = ReferenceDecoding.ArgMax(shape.Classes, c => data[row + 4 + c]);
            var score = logits ? ReferenceDecoding.Sigmoid(best) : best;
            if (score > threshold)
            {
                boxes.Add(ReferenceDecoding.FromCentre(
                    data[row] * config.InputWidth, data[row + 1] * config.InputHeight, data[row + 2] * config.InputWidth, data[row + 3] * config.InputHeight, score, classId));
            }
        }
    }

    /// <remarks>The sigmoid is monotonic, so the argmax of the logits is the argmax of the probabilities and only the best one is converted.</remarks>
    internal override void Decode(ModelOutputs outputs, LayoutConfig config, LayoutShape shape, float threshold, Candidates candidates)
    {
        var logits = config.Settings["scores"] == "logits";
        var columns = 4 + shape.Classes;
        var data = outputs[0].Data;
        float width = config.InputWidth;
        float height = config.InputHeight;
        for (var q = 0; q < shape.Anchors; q++)
        {
            var row = data.Slice(q * columns, columns);
            var classes = row[4..];
            var classId = TensorPrimitives.IndexOfMax(classes);
            var score = logits ? 1f / (1f + MathF.Exp(-classes[classId])) : classes[classId];
            if (score > threshold)
            {
                candidates.AddCentre(row[0] * width, row[1] * height, row[2] * width, row[3] * height, score, classId);
            }
        }
    }
}
