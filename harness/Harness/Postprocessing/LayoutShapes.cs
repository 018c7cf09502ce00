namespace Harness.Postprocessing;

/// <summary>Checks the outputs against a layout and reads its sizes, failing with the tensor and shape at fault.</summary>
internal static class LayoutShapes
{
    /// <returns>Rows (4 + classes) and anchors of a [1, 4+C, N] tensor.</returns>
    public static (int Rows, int Anchors) Yolov8(ModelOutputs outputs)
    {
        ExpectCount(outputs, 1, "yolov8");
        var tensor = outputs[0];
        ExpectBatchOfOne(tensor, 3, "yolov8", 0, "[1, 4+C, N]");
        var rows = Dimension(tensor, 1);
        if (rows < 5)
        {
            throw Fail("yolov8", 0, tensor, "[1, 4+C, N] with at least one class row");
        }

        return (rows, Dimension(tensor, 2));
    }

    /// <returns>Anchors and columns (5 + classes) of a [1, N, 5+C] tensor.</returns>
    public static (int Anchors, int Columns) Yolov5(ModelOutputs outputs)
    {
        ExpectCount(outputs, 1, "yolov5");
        var tensor = outputs[0];
        ExpectBatchOfOne(tensor, 3, "yolov5", 0, "[1, N, 5+C]");
        var columns = Dimension(tensor, 2);
        if (columns < 6)
        {
            throw Fail("yolov5", 0, tensor, "[1, N, 5+C] with at least one class column");
        }

        return (Dimension(tensor, 1), columns);
    }

    /// <returns>Anchors and classes of boxes [1, N, 4] and scores [1, N, C].</returns>
    public static (int Anchors, int Classes) Ssd(ModelOutputs outputs)
    {
        ExpectCount(outputs, 2, "ssd");
        var boxes = outputs[0];
        var scores = outputs[1];
        ExpectBatchOfOne(boxes, 3, "ssd", 0, "[1, N, 4]");
        ExpectBatchOfOne(scores, 3, "ssd", 1, "[1, N, C]");
        var anchors = Dimension(boxes, 1);
        if (Dimension(boxes, 2) != 4)
        {
            throw Fail("ssd", 0, boxes, "[1, N, 4]");
        }

        if (Dimension(scores, 1) != anchors || Dimension(scores, 2) < 1)
        {
            throw Fail("ssd", 1, scores, $"[1, {anchors}, C] to match the boxes");
        }

        return (anchors, Dimension(scores, 2));
    }

    /// <returns>How many of the K slots are valid (the count tensor, clamped to K).</returns>
    public static int End2End(ModelOutputs outputs)
    {
        ExpectCount(outputs, 4, "end2end");
        var boxes = outputs[0];
        ExpectBatchOfOne(boxes, 3, "end2end", 0, "[1, K, 4]");
        var slots = Dimension(boxes, 1);
        if (Dimension(boxes, 2) != 4)
        {
            throw Fail("end2end", 0, boxes, "[1, K, 4]");
        }

        for (var index = 1; index <= 2; index++)
        {
            var tensor = outputs[index];
            ExpectBatchOfOne(tensor, 2, "end2end", index, $"[1, {slots}]");
            if (Dimension(tensor, 1) != slots)
            {
                throw Fail("end2end", index, tensor, $"[1, {slots}]");
            }
        }

        var count = outputs[3];
        if (count.Data.Length != 1 || Product(count.Shape) != 1)
        {
            throw Fail("end2end", 3, count, "[1]");
        }

        var valid = count.Data[0];
        return float.IsNaN(valid) ? 0 : (int)Math.Clamp(valid, 0f, slots);
    }

    private static void ExpectCount(ModelOutputs outputs, int expected, string layout)
    {
        if (outputs.Count != expected)
        {
            throw new OutputShapeException($"Layout {layout} takes {expected} output tensor(s), got {outputs.Count}.");
        }
    }

    private static void ExpectBatchOfOne(OutputTensor tensor, int rank, string layout, int index, string expected)
    {
        if (tensor.Shape.Length != rank || tensor.Shape[0] != 1 || tensor.Shape.IndexOfAnyExceptInRange(0, int.MaxValue) >= 0)
        {
            throw Fail(layout, index, tensor, expected);
        }

        if (tensor.Data.Length != Product(tensor.Shape))
        {
            throw new OutputShapeException(
                $"Layout {layout}: output {index} has shape {tensor.ShapeText} but holds {tensor.Data.Length} values.");
        }
    }

    private static int Dimension(OutputTensor tensor, int axis) => (int)tensor.Shape[axis];

    private static long Product(ReadOnlySpan<long> shape)
    {
        long product = 1;
        foreach (var dimension in shape)
        {
            product *= dimension;
        }

        return product;
    }

    private static OutputShapeException Fail(string layout, int index, OutputTensor tensor, string expected) =>
        new($"Layout {layout}: output {index} has shape {tensor.ShapeText}, expected {expected}.");
}
