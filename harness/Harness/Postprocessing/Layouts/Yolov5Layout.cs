using Harness.Inference;

namespace Harness.Postprocessing.Layouts;

/// <summary>
/// YOLOv5 / YOLOv7 exports: one output [1, N, 5+C], anchor-major: cx, cy, w, h in input pixels, objectness, then C
/// class probabilities (all already sigmoid and decoded against the anchor grid in the graph); score is objectness
/// times the best class probability; needs NMS.
/// </summary>
internal sealed class Yolov5Layout : OutputLayout
{
    private static readonly TensorPattern[] Pattern =
        [new("predictions", ["output0", "output"], ShapeDim.One, ShapeDim.Anchors, ShapeDim.Classes(5))];

    public override string Name => "yolov5";

    public override string Summary => "YOLOv5/YOLOv7: [1, N, 5+C], cx cy w h in pixels, objectness, class scores";

    public override IReadOnlyList<TensorPattern> Outputs(LayoutSettings settings) => Pattern;

    internal override void DecodeReference(ModelOutputs outputs, LayoutConfig config, LayoutShape shape, float threshold, List<Detection> boxes)
    {
        var columns = 5 + shape.Classes;
        var data = outputs[0].Data.ToArray();
        for (var a = 0; a < shape.Anchors; a++)
        {
            var row = a * columns;
            var objectness = data[row + 4];
            if (!(objectness > threshold))
            {
                continue;
            }

            var (classId, classScore) = ReferenceDecoding.ArgMax(shape.Classes, c => data[row + 5 + c]);
            var score = objectness * classScore;
            if (score > threshold)
            {
                boxes.Add(ReferenceDecoding.FromCentre(data[row], data[row + 1], data[row + 2], data[row + 3], score, classId));
            }
        }
    }

    internal override void Decode(ModelOutputs outputs, LayoutConfig config, LayoutShape shape, float threshold, Candidates candidates) =>
        Yolov5Decoder.Decode(outputs[0].Data, shape.Anchors, 5 + shape.Classes, threshold, candidates);
}
