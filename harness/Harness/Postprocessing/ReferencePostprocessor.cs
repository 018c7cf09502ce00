using Harness.Inference;
using Harness.Preprocessing;

namespace Harness.Postprocessing;

/// <summary>
/// Plain scalar postprocessing written straight from the layout definitions and torchvision's NMS: the oracle the
/// vectorised path is tested and benchmarked against. Allocates freely.
/// </summary>
internal sealed class ReferencePostprocessor(DetectorOutputLayout layout, PostprocessOptions options) : IPostprocessor
{
    public DetectorOutputLayout Layout { get; } = layout;

    public PostprocessOptions Options { get; } = options;

    public void Process(ModelOutputs outputs, LetterboxTransform transform, List<Detection> detections)
    {
        ArgumentNullException.ThrowIfNull(detections);
        detections.Clear();
        var boxes = Decode(outputs);
        var order = Enumerable.Range(0, boxes.Count).ToArray();
        Array.Sort(order, (a, b) => boxes[a].Score != boxes[b].Score ? boxes[b].Score.CompareTo(boxes[a].Score) : a.CompareTo(b));
        var kept = Layout == DetectorOutputLayout.End2End ? order.Take(Options.MaxDetections).ToList() : Suppress(boxes, order);
        foreach (var i in kept)
        {
            var box = boxes[i];
            detections.Add(new Detection(
                transform.ToSourceX(box.X1),
                transform.ToSourceY(box.Y1),
                transform.ToSourceX(box.X2),
                transform.ToSourceY(box.Y2),
                box.Score,
                box.ClassId));
        }
    }

    private List<int> Suppress(List<Detection> boxes, int[] order)
    {
        var kept = new List<int>();
        var suppressed = new bool[order.Length];
        for (var i = 0; i < order.Length && kept.Count < Options.MaxDetections; i++)
        {
            if (suppressed[i])
            {
                continue;
            }

            var best = boxes[order[i]];
            kept.Add(order[i]);
            for (var j = i + 1; j < order.Length; j++)
            {
                var other = boxes[order[j]];
                if ((Options.ClassAgnostic || other.ClassId == best.ClassId) && Iou(best, other) > Options.IouThreshold)
                {
                    suppressed[j] = true;
                }
            }
        }

        return kept;
    }

    private static float Iou(Detection a, Detection b)
    {
        var w = MathF.Max(0f, MathF.Min(a.X2, b.X2) - MathF.Max(a.X1, b.X1));
        var h = MathF.Max(0f, MathF.Min(a.Y2, b.Y2) - MathF.Max(a.Y1, b.Y1));
        var inter = w * h;
        return inter / ((a.Width * a.Height) + (b.Width * b.Height) - inter);
    }

    private List<Detection> Decode(ModelOutputs outputs)
    {
        var threshold = Options.ScoreThreshold;
        var boxes = new List<Detection>();
        switch (Layout)
        {
            case DetectorOutputLayout.Yolov8:
            {
                var (rows, anchors) = LayoutShapes.Yolov8(outputs);
                var data = outputs[0].Data.ToArray();
                float At(int row, int anchor) => data[(row * anchors) + anchor];
                for (var a = 0; a < anchors; a++)
                {
                    var (classId, score) = ArgMax(rows - 4, c => At(4 + c, a));
                    if (score > threshold)
                    {
                        boxes.Add(FromCentre(At(0, a), At(1, a), At(2, a), At(3, a), score, classId));
                    }
                }

                break;
            }

            case DetectorOutputLayout.Yolov5:
            {
                var (anchors, columns) = LayoutShapes.Yolov5(outputs);
                var data = outputs[0].Data.ToArray();
                for (var a = 0; a < anchors; a++)
                {
                    var row = a * columns;
                    var objectness = data[row + 4];
                    if (!(objectness > threshold))
                    {
                        continue;
                    }

                    var (classId, classScore) = ArgMax(columns - 5, c => data[row + 5 + c]);
                    var score = objectness * classScore;
                    if (score > threshold)
                    {
                        boxes.Add(FromCentre(data[row], data[row + 1], data[row + 2], data[row + 3], score, classId));
                    }
                }

                break;
            }

            case DetectorOutputLayout.Ssd:
            {
                var (anchors, classes) = LayoutShapes.Ssd(outputs);
                var corners = outputs[0].Data.ToArray();
                var scores = outputs[1].Data.ToArray();
                for (var a = 0; a < anchors; a++)
                {
                    var (classId, score) = ArgMax(classes, c => scores[(a * classes) + c]);
                    if (score > threshold)
                    {
                        boxes.Add(new Detection(corners[a * 4], corners[(a * 4) + 1], corners[(a * 4) + 2], corners[(a * 4) + 3], score, classId));
                    }
                }

                break;
            }

            default:
            {
                var valid = LayoutShapes.End2End(outputs);
                var corners = outputs[0].Data;
                for (var i = 0; i < valid; i++)
                {
                    var score = outputs[1].Data[i];
                    if (score > threshold)
                    {
                        boxes.Add(new Detection(corners[i * 4], corners[(i * 4) + 1], corners[(i * 4) + 2], corners[(i * 4) + 3], score, (int)outputs[2].Data[i]));
                    }
                }

                break;
            }
        }

        return boxes;
    }

    /// <summary>First index of the largest value, as torch.argmax picks it.</summary>
    private static (int Index, float Value) ArgMax(int count, Func<int, float> value)
    {
        var bestIndex = 0;
        var best = value(0);
        for (var i = 1; i < count; i++)
        {
            var candidate = value(i);
            if (candidate > best)
            {
                best = candidate;
                bestIndex = i;
            }
        }

        return (bestIndex, best);
    }

    private static Detection FromCentre(float cx, float cy, float w, float h, float score, int classId) =>
        new(cx - (w * 0.5f), cy - (h * 0.5f), cx + (w * 0.5f), cy + (h * 0.5f), score, classId);
}
