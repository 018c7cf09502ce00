using Harness.Inference;

namespace Harness.Postprocessing.Layouts;

/// <summary>
/// Already suppressed, four outputs as NMS heads write them (TensorRT EfficientNMS_TRT, YOLOv7/YOLOv8 end2end export
/// scripts): boxes [1, K, 4] corners in input pixels, scores [1, K], 0-based classes [1, K] (float or integer), and
/// the count of valid slots [1] or [1, 1]. Matched by those exporters' output names when the model orders them
/// differently (EfficientNMS puts num_dets first).
/// </summary>
internal sealed class End2EndLayout : OutputLayout
{
    private static readonly TensorPattern[] Pattern =
    [
        new("boxes", ["det_boxes", "boxes"], ShapeDim.One, ShapeDim.Anchors, ShapeDim.Fixed(4)),
        new("scores", ["det_scores", "scores"], ShapeDim.One, ShapeDim.Anchors),
        new("classes", ["det_classes", "classes", "labels"], ShapeDim.One, ShapeDim.Anchors),
        new("count", ["num_dets", "num_detections", "num"], [[ShapeDim.One], [ShapeDim.One, ShapeDim.One]]),
    ];

    public override string Name => "end2end";

    public override string Summary => "NMS heads (EfficientNMS, YOLO end2end scripts): boxes [1, K, 4], scores [1, K], classes [1, K], count";

    public override bool Suppressed => true;

    public override IReadOnlyList<TensorPattern> Outputs(LayoutSettings settings) => Pattern;

    internal override void DecodeReference(ModelOutputs outputs, LayoutConfig config, LayoutShape shape, float threshold, List<Detection> boxes)
    {
        var corners = outputs[0].Data.ToArray();
        for (var i = 0; i < Valid(outputs, shape); i++)
        {
            var score = outputs[1].Data[i];
            if (score > threshold)
            {
                var classId = ClassIds.Checked(outputs[2].Data[i], 0, config.ClassCount, Name, 2);
                boxes.Add(new Detection(corners[i * 4], corners[(i * 4) + 1], corners[(i * 4) + 2], corners[(i * 4) + 3], score, classId));
            }
        }
    }

    internal override void Decode(ModelOutputs outputs, LayoutConfig config, LayoutShape shape, float threshold, Candidates candidates)
    {
        var boxes = outputs[0].Data;
        var scores = outputs[1].Data;
        var classes = outputs[2].Data;
        var valid = Valid(outputs, shape);
        for (var i = 0; i < valid; i++)
        {
            if (scores[i] > threshold)
            {
                var box = boxes.Slice(i * 4, 4);
                candidates.Add(box[0], box[1], box[2], box[3], scores[i], ClassIds.Checked(classes[i], 0, config.ClassCount, Name, 2));
            }
        }
    }

    /// <summary>How many of the K slots are valid: the count, clamped to K.</summary>
    private static int Valid(ModelOutputs outputs, LayoutShape shape)
    {
        var valid = outputs[3].Data[0];
        return float.IsNaN(valid) ? 0 : (int)Math.Clamp(valid, 0f, shape.Anchors);
    }
}
