using Harness.Clips;
using Harness.Clips.Synthetic;
using Harness.Inference;
using Harness.Models;
using Harness.Postprocessing.Layouts;

namespace Harness.Tests.Models;

/// <summary>
/// Runs a reference model over a synthetic clip with a plain per-class greedy NMS and a 101-point AP50, enough to
/// compare model variants in tests (the pipeline's own NMS and COCO evaluation live in their stages).
/// </summary>
internal static class ReferenceDetectorEvaluation
{
    public static List<(Frame Frame, List<Box> Detections)> Detect(string model, SyntheticSceneOptions scene)
    {
        var contract = OutputLayouts.Get("yolov8").Configure(ReferenceModels.InputWidth, ReferenceModels.InputHeight, 3).Contract;
        using var detector = OnnxDetector.Load(ReferenceModels.Build(model), model, contract);
        var results = new List<(Frame, List<Box>)>();
        foreach (var frame in SyntheticScene.Render(scene))
        {
            ToChw(frame.Image.Pixels.Span, detector.InputBuffer);
            detector.Run();
            results.Add((frame, Nms(Decode(detector.Output(0), 0.25f), 0.45f)));
        }

        return results;
    }

    public static double MeanAp50(List<(Frame Frame, List<Box> Detections)> results)
    {
        var perClass = new List<double>();
        for (var classId = 0; classId < 3; classId++)
        {
            var truthCount = results.Sum(r => r.Frame.Truth.Count(t => t.ClassId == classId && !t.Ignore));
            if (truthCount == 0)
            {
                continue;
            }

            var ranked = new List<(float Score, bool Hit)>();
            foreach (var (frame, detections) in results)
            {
                var truth = frame.Truth.Where(t => t.ClassId == classId).OrderBy(t => t.Ignore).ToList();
                var used = new bool[truth.Count];
                foreach (var d in detections.Where(d => d.ClassId == classId))
                {
                    var best = -1;
                    var bestIou = 0.5f;
                    for (var i = 0; i < truth.Count; i++)
                    {
                        var iou = Iou(d, new Box(truth[i].X, truth[i].Y, truth[i].X + truth[i].Width, truth[i].Y + truth[i].Height, 1f, classId));
                        if (!used[i] && iou >= bestIou && (best < 0 || !truth[best].Ignore || truth[i].Ignore))
                        {
                            (best, bestIou) = (i, iou);
                        }
                    }

                    if (best >= 0)
                    {
                        used[best] = true;
                    }

                    if (best < 0 || !truth[best].Ignore)
                    {
                        ranked.Add((d.Score, best >= 0));
                    }
                }
            }

            perClass.Add(Ap101(ranked.OrderByDescending(r => r.Score).ToList(), truthCount));
        }

        return perClass.Average();
    }

    public static float Iou(Box a, Box b)
    {
        var w = MathF.Max(0f, MathF.Min(a.X2, b.X2) - MathF.Max(a.X1, b.X1));
        var h = MathF.Max(0f, MathF.Min(a.Y2, b.Y2) - MathF.Max(a.Y1, b.Y1));
        var intersection = w * h;
        return intersection / (((a.X2 - a.X1) * (a.Y2 - a.Y1)) + ((b.X2 - b.X1) * (b.Y2 - b.Y1)) - intersection);
    }

    private static void ToChw(ReadOnlySpan<byte> rgb, Span<float> chw)
    {
        var plane = chw.Length / 3;
        for (var i = 0; i < plane; i++)
        {
            for (var c = 0; c < 3; c++)
            {
                chw[(c * plane) + i] = rgb[(i * 3) + c] / 255f;
            }
        }
    }

    private static List<Box> Decode(ReadOnlySpan<float> output, float threshold)
    {
        var n = output.Length / 7;
        var boxes = new List<Box>();
        for (var a = 0; a < n; a++)
        {
            for (var c = 0; c < 3; c++)
            {
                var score = output[((4 + c) * n) + a];
                if (score >= threshold)
                {
                    var (cx, cy, w, h) = (output[a], output[n + a], output[(2 * n) + a], output[(3 * n) + a]);
                    boxes.Add(new Box(cx - (w / 2), cy - (h / 2), cx + (w / 2), cy + (h / 2), score, c));
                }
            }
        }

        return boxes;
    }

    private static List<Box> Nms(List<Box> boxes, float iouThreshold)
    {
        var kept = new List<Box>();
        foreach (var box in boxes.OrderByDescending(b => b.Score))
        {
            if (kept.Count < 100 && !kept.Any(k => k.ClassId == box.ClassId && Iou(k, box) > iouThreshold))
            {
                kept.Add(box);
            }
        }

        return kept;
    }

    private static double Ap101(List<(float Score, bool Hit)> ranked, int truthCount)
    {
        var precision = new double[ranked.Count];
        var recall = new double[ranked.Count];
        var hits = 0;
        for (var i = 0; i < ranked.Count; i++)
        {
            hits += ranked[i].Hit ? 1 : 0;
            precision[i] = hits / (double)(i + 1);
            recall[i] = hits / (double)truthCount;
        }

        for (var i = ranked.Count - 2; i >= 0; i--)
        {
            precision[i] = Math.Max(precision[i], precision[i + 1]);
        }

        var sum = 0.0;
        var j = 0;
        for (var k = 0; k <= 100; k++)
        {
            while (j < ranked.Count && recall[j] < k / 100.0)
            {
                j++;
            }

            sum += j < ranked.Count ? precision[j] : 0.0;
        }

        return sum / 101;
    }

    internal readonly record struct Box(float X1, float Y1, float X2, float Y2, float Score, int ClassId);
}
