using Harness.Metrics.Coco;

namespace Harness.TestKit;

/// <summary>
/// A plain, unoptimized transcription of the pycocotools rules (lists, LINQ, scalar IoU, one evalImg per image,
/// category and area range, concatenate-and-sort accumulation). Tests compare <see cref="CocoEvaluator"/> with it and
/// the benchmark uses it as an anchor; nothing else should call it.
/// </summary>
internal static class CocoEvaluatorReference
{
    private sealed record EvalImage(double[] Scores, bool[,] Matched, bool[,] Ignored, int NonIgnoredTruths);

    public static CocoEvaluationResult Evaluate(CocoGroundTruth truth, IReadOnlyList<CocoDetection> detections)
    {
        var images = truth.ImageIds.Distinct().Order().ToList();
        var categories = truth.Categories.Select(c => c.Id).Distinct().Order().ToList();
        var imageSet = images.ToHashSet();
        if (detections.Any(d => !imageSet.Contains(d.ImageId)))
        {
            throw new ArgumentException("Detections refer to images that are not in the ground truth.", nameof(detections));
        }

        var table = new CocoPrecisionTable(categories.Count);
        for (var k = 0; k < categories.Count; k++)
        {
            var category = categories[k];
            for (var a = 0; a < CocoParameters.AreaCount; a++)
            {
                var evals = new List<EvalImage>();
                foreach (var image in images)
                {
                    var gts = truth.Annotations.Where(g => g.ImageId == image && g.CategoryId == category).ToList();
                    var dts = detections.Where(d => d.ImageId == image && d.CategoryId == category)
                        .Select((d, i) => (d, i)).OrderByDescending(p => p.d.Score).ThenBy(p => p.i).Select(p => p.d).Take(100).ToList();
                    if (gts.Count > 0 || dts.Count > 0)
                    {
                        evals.Add(EvaluateImage(gts, dts, a));
                    }
                }

                for (var m = 0; m < CocoParameters.MaxDetCount; m++)
                {
                    Accumulate(evals, CocoParameters.MaxDetections[m], table, k, a, m);
                }
            }
        }

        return CocoSummary.Summarize(table, categories);
    }

    private static EvalImage EvaluateImage(List<CocoAnnotation> gts, List<CocoDetection> dts, int a)
    {
        var lower = CocoParameters.AreaLower[a];
        var upper = CocoParameters.AreaUpper[a];
        var sorted = gts.Select(g => (g, ignore: g.IsCrowd || g.Area < lower || g.Area > upper)).OrderBy(p => p.ignore ? 1 : 0).ToList();
        var matched = new bool[CocoParameters.IouCount, dts.Count];
        var ignored = new bool[CocoParameters.IouCount, dts.Count];
        for (var t = 0; t < CocoParameters.IouCount; t++)
        {
            var gtTaken = new bool[sorted.Count];
            for (var d = 0; d < dts.Count; d++)
            {
                var iou = Math.Min(CocoParameters.IouThresholds[t], 1 - 1e-10);
                var m = -1;
                for (var g = 0; g < sorted.Count; g++)
                {
                    if (gtTaken[g] && !sorted[g].g.IsCrowd)
                    {
                        continue;
                    }

                    if (m > -1 && !sorted[m].ignore && sorted[g].ignore)
                    {
                        break;
                    }

                    var value = Iou(dts[d], sorted[g].g);
                    if (value < iou)
                    {
                        continue;
                    }

                    iou = value;
                    m = g;
                }

                if (m > -1)
                {
                    gtTaken[m] = true;
                    matched[t, d] = true;
                    ignored[t, d] = sorted[m].ignore;
                }
                else
                {
                    var area = dts[d].Width * dts[d].Height;
                    ignored[t, d] = area < lower || area > upper;
                }
            }
        }

        return new EvalImage(dts.Select(d => d.Score).ToArray(), matched, ignored, sorted.Count(p => !p.ignore));
    }

    private static double Iou(CocoDetection d, CocoAnnotation g) =>
        BoxOverlap.Iou(d.X, d.Y, d.Width + d.X, d.Height + d.Y, d.Width * d.Height, g.X, g.Y, g.Width + g.X, g.Height + g.Y, g.Width * g.Height, g.IsCrowd);

    private static void Accumulate(List<EvalImage> evals, int maxDet, CocoPrecisionTable table, int k, int a, int m)
    {
        var npig = evals.Sum(e => e.NonIgnoredTruths);
        if (evals.Count == 0 || npig == 0)
        {
            return;
        }

        var merged = evals.SelectMany(e => Enumerable.Range(0, Math.Min(maxDet, e.Scores.Length)).Select(d => (e, d)))
            .Select((p, order) => (p.e, p.d, order)).OrderByDescending(p => p.e.Scores[p.d]).ThenBy(p => p.order).ToList();
        for (var t = 0; t < CocoParameters.IouCount; t++)
        {
            var rc = new double[merged.Count];
            var pr = new double[merged.Count];
            double tp = 0;
            double fp = 0;
            for (var i = 0; i < merged.Count; i++)
            {
                var (e, d, _) = merged[i];
                if (!e.Ignored[t, d])
                {
                    if (e.Matched[t, d])
                    {
                        tp++;
                    }
                    else
                    {
                        fp++;
                    }
                }

                rc[i] = tp / npig;
                pr[i] = tp / (fp + tp + CocoParameters.Epsilon);
            }

            table.SetRecall(t, k, a, m, merged.Count > 0 ? rc[^1] : 0);
            for (var i = merged.Count - 1; i > 0; i--)
            {
                pr[i - 1] = Math.Max(pr[i - 1], pr[i]);
            }

            for (var r = 0; r < CocoParameters.RecallCount; r++)
            {
                var index = Array.FindIndex(rc, v => v >= CocoParameters.RecallThresholds[r]);
                table.SetPrecision(t, r, k, a, m, index >= 0 ? pr[index] : 0);
            }
        }
    }
}
