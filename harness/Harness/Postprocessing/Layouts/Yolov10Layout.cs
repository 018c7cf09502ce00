using Harness.Inference;

namespace Harness.Postprocessing.Layouts;

/// <summary>
/// Ultralytics end-to-end heads (YOLOv10, YOLO26, any model exported with end2end=True): one output [1, K, 6], K
/// being max_det (300), each row x1, y1, x2, y2 in input pixels, score, class id; the one-to-one head leaves no
/// duplicates, so there is no NMS (ultralytics/models/yolov10/detect/predict.py keeps rows with score above conf).
/// </summary>
internal sealed class Yolov10Layout : OutputLayout
{
    private const int Columns = 6;

    private static readonly TensorPattern[] Pattern =
        [new("detections", ["output0"], ShapeDim.One, ShapeDim.Anchors, ShapeDim.Fixed(Columns))];

    public override string Name => "yolov10";

    public override string Summary => "Ultralytics end-to-end (YOLOv10, YOLO26, end2end=True): [1, 300, 6], x1 y1 x2 y2 score class, no NMS";

    public override bool Suppressed => true;

    public override IReadOnlyList<TensorPattern> Outputs(LayoutSettings settings) => Pattern;

    internal override void DecodeReference(ModelOutputs outputs, LayoutConfig config, LayoutShape shape, float threshold, List<Detection> boxes)
    {
        var rows = outputs[0].Data.ToArray();
        for (var k = 0; k < shape.Anchors; k++)
        {
            var row = rows.AsSpan(k * Columns, Columns);
            if (row[4] > threshold)
            {
                boxes.Add(new Detection(row[0], row[1], row[2], row[3], row[4], ClassIds.Checked(row[5], 0, config.ClassCount, Name, 0)));
            }
        }
    }

    internal override void Decode(ModelOutputs outputs, LayoutConfig config, LayoutShape shape, float threshold, Candidates candidates)
    {
        var data = outputs[0].Data;
        for (var k = 0; k < shape.Anchors; k++)
        {
            var row = data.Slice(k * Columns, Columns);
            if (row[4] > threshold)
            {
                candidates.Add(row[0], row[1], row[2], row[3], row[4], ClassIds.Checked(row[5], 0, config.ClassCount, Name, 0));
            }
        }
    }
}
