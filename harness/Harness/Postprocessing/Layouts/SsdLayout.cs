using Harness.Inference;

namespace Harness.Postprocessing.Layouts;

/// <summary>
/// SSD-family exports that stop before NMS: corner boxes [1, N, 4] (x1, y1, x2, y2, in input pixels or normalized
/// to [0, 1]) and class scores [1, N, C], or [1, N, C+1] with a background column first (Caffe, torchvision and
/// TensorFlow SSD heads put it at index 0) or last. The background column is never a class.
/// </summary>
internal sealed class SsdLayout : OutputLayout
{
    private static readonly LayoutSetting[] Declared =
    [
        LayoutSetting.Choice("background", "where the scores' background column is: none (C columns), first or last (C+1 columns)", "none", "none", "first", "last"),
        LayoutSetting.Choice("coordinates", "box corners in input pixels, or normalized to [0, 1] of the input size", "pixels", "pixels", "normalized"),
    ];

    public override string Name => "ssd";

    public override string Summary => "SSD heads before NMS: boxes [1, N, 4] corners, scores [1, N, C] (or C+1 with a background column)";

    public override IReadOnlyList<LayoutSetting> Settings => Declared;

    public override IReadOnlyList<TensorPattern> Outputs(LayoutSettings settings) =>
    [
        new("boxes", ["boxes"], ShapeDim.One, ShapeDim.Anchors, ShapeDim.Fixed(4)),
        new("scores", ["scores"], ShapeDim.One, ShapeDim.Anchors, ShapeDim.Classes(settings["background"] == "none" ? 0 : 1)),
    ];

    internal override void DecodeReference(ModelOutputs outputs, LayoutConfig config, LayoutShape shape, float threshold, List<Detection> boxes)
    {
        var (columns, first, scaleX, scaleY) = Geometry(config);
        var corners = outputs[0].Data.ToArray();
        var scores = outputs[1].Data.ToArray();
        for (var a = 0; a < shape.Anchors; a++)
        {
            var (classId, score) = ReferenceDecoding.ArgMax(config.ClassCount, c => scores[(a * columns) + first + c]);
            if (score > threshold)
            {
                boxes.Add(new Detection(
                    corners[a * 4] * scaleX, corners[(a * 4) + 1] * scaleY, corners[(a * 4) + 2] * scaleX, corners[(a * 4) + 3] * scaleY, score, classId));
            }
        }
    }

    internal override void Decode(ModelOutputs outputs, LayoutConfig config, LayoutShape shape, float threshold, Candidates candidates)
    {
        var (columns, first, scaleX, scaleY) = Geometry(config);
        SsdDecoder.Decode(outputs[0].Data, outputs[1].Data, shape.Anchors, columns, first, config.ClassCount, scaleX, scaleY, threshold, candidates);
    }

    private static (int Columns, int FirstClass, float ScaleX, float ScaleY) Geometry(LayoutConfig config)
    {
        var background = config.Settings["background"];
        var normalized = config.Settings["coordinates"] == "normalized";
        return (
            config.ClassCount + (background == "none" ? 0 : 1),
            background == "first" ? 1 : 0,
            normalized ? config.InputWidth : 1f,
            normalized ? config.InputHeight : 1f);
    }
}
