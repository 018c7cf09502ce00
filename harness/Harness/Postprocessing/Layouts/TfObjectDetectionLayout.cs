using Harness.Inference;

namespace Harness.Postprocessing.Layouts;

/// <summary>
/// The TensorFlow Object Detection API's exported signature (exporter_main_v2.py, converted with tf2onnx), already
/// suppressed: detection_boxes [1, K, 4] as ymin, xmin, ymax, xmax normalized to [0, 1]; detection_classes [1, K] as
/// 1-based label-map ids in float; detection_scores [1, K]; num_detections [1] in float. The export carries more
/// outputs (raw boxes and scores, multiclass scores); these four are picked by name.
/// </summary>
internal sealed class TfObjectDetectionLayout : OutputLayout
{
    private static readonly TensorPattern[] Pattern =
    [
        new("detection_boxes", ["detection_boxes", "detection_boxes:0"], ShapeDim.One, ShapeDim.Anchors, ShapeDim.Fixed(4)),
        new("detection_scores", ["detection_scores", "detection_scores:0"], ShapeDim.One, ShapeDim.Anchors),
        new("detection_classes", ["detection_classes", "detection_classes:0"], ShapeDim.One, ShapeDim.Anchors),
        new("num_detections", ["num_detections", "num_detections:0"], [[ShapeDim.One], [ShapeDim.One, ShapeDim.One]]),
    ];

    public override string Name => "tf-od-api";

    public override string Summary => "TensorFlow Object Detection API: detection_boxes (normalized y x order), detection_scores, detection_classes (1-based), num_detections";

    public override bool Suppressed => true;

    public override IReadOnlyList<TensorPattern> Outputs(LayoutSettings settings) => Pattern;

    internal override void DecodeReference(ModelOutputs outputs, LayoutConfig config, LayoutShape shape, float threshold, List<Detection> boxes)
    {
        var corners = outputs[0].Data.ToArray();
        var scores = outputs[1].Data.ToArray();
        var classes = outputs[2].Data.ToArray();
        for (var i = 0; i < Valid(outputs, shape); i++)
        {
            if (scores[i] > threshold)
            {
                var (ymin, xmin, ymax, xmax) = (corners[4 * i], corners[(4 * i) + 1], corners[(4 * i) + 2], corners[(4 * i) + 3]);
                boxes.Add(new Detection(
                    xmin * config.InputWidth,
                    ymin * config.InputHeight,
                    xmax * config.InputWidth,
                    ymax * config.InputHeight,
                    scores[i],
                    ClassIds.Checked(classes[i], 1, config.ClassCount, Name, 2)));
            }
        }
    }

    internal override void Decode(ModelOutputs outputs, LayoutConfig config, LayoutShape shape, float threshold, Candidates candidates)
    {
        var boxes = outputs[0].Data;
        var scores = outputs[1].Data;
        var classes = outputs[2].Data;
        float width = config.InputWidth;
        float height = config.InputHeight;
        var valid = Valid(outputs, shape);
        for (var i = 0; i < valid; i++)
        {
            if (scores[i] > threshold)
            {
                var box = boxes.Slice(i * 4, 4);
                candidates.Add(
                    box[1] * width, box[0] * height, box[3] * width, box[2] * height, scores[i], ClassIds.Checked(classes[i], 1, config.ClassCount, Name, 2));
            }
        }
    }

    private static int Valid(ModelOutputs outputs, LayoutShape shape)
    {
        var valid = outputs[3].Data[0];
        return float.IsNaN(valid) ? 0 : (int)Math.Clamp(valid, 0f, shape.Anchors);
    }
}
