using Harness.Inference;

namespace Harness.Postprocessing.Layouts;

/// <summary>
/// Ultralytics YOLOv8 / YOLO11 (and YOLOv9 exported by Ultralytics): one output [1, 4+C, N], channel-major: cx, cy,
/// w, h in input pixels, then C class probabilities (already sigmoid), no objectness; needs NMS.
/// </summary>
internal sealed class Yolov8Layout : OutputLayout
{
    private static readonly TensorPattern[] Pattern =
        [new("predictions", ["output0"], ShapeDim.One, ShapeDim.Classes(4), ShapeDim.Anchors)];

    public override string Name => "yolov8";

    public override string Summary => "Ultralytics YOLOv8/YOLO11: [1, 4+C, N], cx cy w h in pixels then class scores, no objectness";

    public override IReadOnlyList<TensorPattern> Outputs(LayoutSettings settings) => Pattern;

    internal override void DecodeReference(ModelOutputs outputs, LayoutConfig config, LayoutShape shape, float threshold, List<Detection> boxes)
    {
        var anchors = shape.Anchors;
        var data = outputs[0].Data.ToArray();
        float At(int row, int anchor) => data[(row * anchors) + anchor];
        for (var a = 0; a < anchors; a++)
        {
            var (classId, score) = ReferenceDecoding.ArgMax(shape.Classes, c => At(4 + c, a));
            if (score > threshold)
            {
                boxes.Add(ReferenceDecoding.FromCentre(At(0, a), At(1, a), At(2, a), At(3, a), score, classId));
            }
        }
    }

    internal override void Decode(ModelOutputs outputs, LayoutConfig config, LayoutShape shape, float threshold, Candidates candidates) =>
        Yolov8Decoder.Decode(outputs[0].Data, 4 + shape.Classes, shape.Anchors, threshold, candidates);
}
