using Harness.Postprocessing;
using Harness.Postprocessing.Layouts;
using Harness.Preprocessing;

namespace Harness.TestKit;

/// <summary>
/// Plain scalar postprocessing written straight from the layouts' reference decoders and torchvision's NMS: the
/// oracle the vectorised path is tested and benchmarked against. Allocates freely.
/// </summary>
internal sealed class ReferencePostprocessor(LayoutConfig layout, PostprocessOptions options) : IPostprocessor
{
    /// <summary>The scalar oracle of <see cref="Postprocessor.Create"/>, with its checks.</summary>
    public static IPostprocessor Create(LayoutConfig layout, PostprocessOptions options) =>
        new ReferencePostprocessor(Postprocessor.Validated(layout, options), options);

    public LayoutConfig Layout { get; } = layout;

    public PostprocessOptions Options { get; } = options;

    public void Process(ModelOutputs outputs, LetterboxTransform transform, List<Detection> detections)
    {
        ArgumentNullException.ThrowIfNull(detections);
        detections.Clear();
        var boxes = new List<Detection>();
        Layout.Layout.DecodeReference(outputs, Layout, Layout.Check(outputs), Options.ScoreThreshold, boxes);
        boxes.RemoveAll(box => !Candidates.IsFinite(box.X1, box.Y1, box.X2, box.Y2, box.Score)
            || !DetectionWriter.KeepsArea(transform, box.X1, box.Y1, box.X2, box.Y2));
        var order = Enumerable.Range(0, boxes.Count).ToArray();
        Array.Sort(order, (a, b) => boxes[a].Score != boxes[b].Score ? boxes[b].Score.CompareTo(boxes[a].Score) : a.CompareTo(b));
        var kept = Layout.Layout.Suppressed ? order.Take(Options.MaxDetections).ToList() : Suppress(boxes, order);
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

    private static float Iou(Detection a, Detection b) =>
        BoxOverlap.Iou(a.X1, a.Y1, a.X2, a.Y2, a.Width * a.Height, b.X1, b.Y1, b.X2, b.Y2, b.Width * b.Height);
}
