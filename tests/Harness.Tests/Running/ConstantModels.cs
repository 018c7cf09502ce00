using Harness.Models.Onnx;

namespace Harness.Tests.Running;

/// <summary>
/// Detectors whose outputs are constants in each layout, so a replay's metrics follow from the boxes alone. The image
/// input is declared like a real detector's; each output is an Identity (or Cast) of an initializer.
/// </summary>
internal static class ConstantModels
{
    public const int InputSize = 64;

    public static byte[] Yolov8(int classes, params ModelBox[] boxes) => Finish(Yolov8Graph(classes, boxes));

    /// <summary><see cref="Yolov8"/> carrying Ultralytics' metadata (class names, input size), as an Ultralytics export does.</summary>
    public static byte[] Yolov8Described(IReadOnlyList<string> names, params ModelBox[] boxes)
    {
        var graph = Yolov8Graph(names.Count, boxes);
        graph.AddMetadata("names", "{" + string.Join(", ", names.Select((name, id) => $"{id}: '{name}'")) + "}");
        graph.AddMetadata("imgsz", $"[{InputSize}, {InputSize}]");
        return Finish(graph);
    }

    private static OnnxGraph Yolov8Graph(int classes, ModelBox[] boxes)
    {
        var graph = Start();
        var anchors = boxes.Length;
        var data = new float[(4 + classes) * anchors];
        for (var a = 0; a < anchors; a++)
        {
            var box = boxes[a];
            data[a] = box.CentreX;
            data[anchors + a] = box.CentreY;
            data[(2 * anchors) + a] = box.Width;
            data[(3 * anchors) + a] = box.Height;
            data[((4 + box.ClassId) * anchors) + a] = box.Score;
        }

        FloatOutput(graph, "output0", [1, 4 + classes, anchors], data);
        return graph;
    }

    public static byte[] Yolov5(int classes, params ModelBox[] boxes)
    {
        var graph = Start();
        var row = 5 + classes;
        var data = new float[row * boxes.Length];
        for (var a = 0; a < boxes.Length; a++)
        {
            var box = boxes[a];
            data[a * row] = box.CentreX;
            data[(a * row) + 1] = box.CentreY;
            data[(a * row) + 2] = box.Width;
            data[(a * row) + 3] = box.Height;
            data[(a * row) + 4] = box.Score;
            data[(a * row) + 5 + box.ClassId] = 1f;
        }

        FloatOutput(graph, "output0", [1, boxes.Length, row], data);
        return Finish(graph);
    }

    public static byte[] Ssd(int classes, params ModelBox[] boxes)
    {
        var graph = Start();
        var corners = new float[4 * boxes.Length];
        var scores = new float[classes * boxes.Length];
        for (var a = 0; a < boxes.Length; a++)
        {
            var box = boxes[a];
            corners[4 * a] = box.X1;
            corners[(4 * a) + 1] = box.Y1;
            corners[(4 * a) + 2] = box.X2;
            corners[(4 * a) + 3] = box.Y2;
            scores[(a * classes) + box.ClassId] = box.Score;
        }

        FloatOutput(graph, "boxes", [1, boxes.Length, 4], corners);
        FloatOutput(graph, "scores", [1, boxes.Length, classes], scores);
        return Finish(graph);
    }

    /// <summary>
    /// End2end as exported by YOLO NMS heads: boxes and scores float, classes and count integer (int64, or int32 when
    /// <paramref name="thirtyTwoBit"/>). Only the first <paramref name="valid"/> slots count.
    /// </summary>
    public static byte[] End2End(int valid, bool thirtyTwoBit, params ModelBox[] slots)
    {
        var graph = Start();
        var corners = new float[4 * slots.Length];
        var scores = new float[slots.Length];
        var classes = new long[slots.Length];
        for (var k = 0; k < slots.Length; k++)
        {
            var box = slots[k];
            corners[4 * k] = box.X1;
            corners[(4 * k) + 1] = box.Y1;
            corners[(4 * k) + 2] = box.X2;
            corners[(4 * k) + 3] = box.Y2;
            scores[k] = box.Score;
            classes[k] = box.ClassId;
        }

        FloatOutput(graph, "det_boxes", [1, slots.Length, 4], corners);
        FloatOutput(graph, "det_scores", [1, slots.Length], scores);
        IntegerOutput(graph, "det_classes", [1, slots.Length], classes, thirtyTwoBit);
        IntegerOutput(graph, "num_dets", [1], [valid], thirtyTwoBit);
        return Finish(graph);
    }

    private static OnnxGraph Start()
    {
        var graph = new OnnxGraph("constant");
        graph.AddInput("images", OnnxElementType.Float, 1, 3, InputSize, InputSize);
        return graph;
    }

    private static byte[] Finish(OnnxGraph graph) => graph.ToModelBytes(17, "harness-tests");

    private static void FloatOutput(OnnxGraph graph, string name, long[] shape, float[] values)
    {
        var constant = graph.AddInitializer(name + "_value", shape, values);
        graph.AddNode("Identity", [constant], [name]);
        graph.AddOutput(name, OnnxElementType.Float, shape);
    }

    private static void IntegerOutput(OnnxGraph graph, string name, long[] shape, long[] values, bool thirtyTwoBit)
    {
        var constant = graph.AddInitializer(name + "_value", shape, values);
        if (thirtyTwoBit)
        {
            graph.AddNode("Cast", [constant], [name], OnnxAttribute.Of("to", (long)OnnxElementType.Int32));
            graph.AddOutput(name, OnnxElementType.Int32, shape);
        }
        else
        {
            graph.AddNode("Identity", [constant], [name]);
            graph.AddOutput(name, OnnxElementType.Int64, shape);
        }
    }
}
