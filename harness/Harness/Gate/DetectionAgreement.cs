using System.Globalization;
using Harness.Scenarios;

namespace Harness.Gate;

/// <summary>
/// Compares two runs' detections frame by frame: identical, equal within tolerance, or different. Detections pair up
/// (same class, every box corner within the box tolerance, score within the score tolerance) regardless of order,
/// because last-digit noise can swap two detections of nearly equal score. A detection left unpaired appeared or
/// vanished; that is still equivalent when floating-point order alone could have flipped it (a borderline detection):
/// its score is within the score tolerance of the score threshold, or NMS kept or suppressed it on an IoU within the
/// IoU tolerance of the IoU threshold, or a borderline detection that flipped the other way overlapped it beyond the
/// IoU threshold (NMS freed or suppressed it in turn). Anything else is a change.
/// </summary>
internal static class DetectionAgreement
{
    public static (PipelineAgreement Agreement, string Detail) Compare(
        IReadOnlyList<IReadOnlyList<Detection>> baseline, IReadOnlyList<IReadOnlyList<Detection>> current, EquivalenceSpec tolerance, PostprocessSpec postprocess)
    {
        if (baseline.Count != current.Count)
        {
            return (PipelineAgreement.Changed, $"{baseline.Count} frames in the baseline, {current.Count} now");
        }

        var identical = true;
        double worstBox = 0, worstScore = 0;
        var borderline = new List<string>();
        var flips = new List<Flip>();
        for (var f = 0; f < current.Count; f++)
        {
            var before = baseline[f];
            var now = current[f];
            if (before.SequenceEqual(now))
            {
                continue;
            }

            identical = false;
            var used = new bool[before.Count];
            flips.Clear();
            foreach (var d in now)
            {
                var partner = ClosestUnused(d, before, used, tolerance);
                if (partner < 0)
                {
                    flips.Add(new Flip(d, Appeared: true));
                    continue;
                }

                used[partner] = true;
                worstBox = Math.Max(worstBox, BoxDistance(d, before[partner]));
                worstScore = Math.Max(worstScore, Math.Abs(d.Score - before[partner].Score));
            }

            flips.AddRange(before.Where((_, i) => !used[i]).Select(d => new Flip(d, Appeared: false)));
            if (FirstUnexplained(flips, before, now, tolerance, postprocess) is { } unexplained)
            {
                return (PipelineAgreement.Changed, Describe(f, unexplained, tolerance, postprocess));
            }

            borderline.AddRange(flips.Select(flip => string.Create(CultureInfo.InvariantCulture,
                $"frame {f} class {flip.Detection.ClassId} score {flip.Detection.Score:0.######} {(flip.Appeared ? "appeared" : "vanished")}")));
        }

        if (identical)
        {
            return (PipelineAgreement.Identical, "");
        }

        var detail = string.Create(CultureInfo.InvariantCulture,
            $"detections differ within tolerance: box corners by up to {worstBox:0.#####} px, scores by up to {worstScore:0.#######}");
        return (PipelineAgreement.Equivalent, borderline.Count == 0 ? detail : string.Create(CultureInfo.InvariantCulture,
            $"{detail}; {borderline.Count} borderline detections appeared or vanished (score within {tolerance.Score} of the score threshold, " +
            $"or an NMS IoU within {tolerance.Iou} of the IoU threshold): {string.Join(", ", borderline.Take(3))}{(borderline.Count > 3 ? ", ..." : "")}"));
    }

    /// <summary>
    /// The first flip floating-point order cannot explain, or null. Flips are judged best score first, because NMS
    /// decides them in that order: a box it freed or suppressed in turn is judged after the one that did it.
    /// </summary>
    private static Flip? FirstUnexplained(List<Flip> flips, IReadOnlyList<Detection> before, IReadOnlyList<Detection> now, EquivalenceSpec tolerance, PostprocessSpec postprocess)
    {
        flips.Sort((a, b) => b.Detection.Score.CompareTo(a.Detection.Score));
        for (var i = 0; i < flips.Count; i++)
        {
            var flip = flips[i];
            var d = flip.Detection;
            var nearScoreThreshold = Math.Abs((double)d.Score - postprocess.ScoreThreshold) <= tolerance.Score;

            // The box that decided a borderline NMS outcome is reported with it in the run that has it: where NMS
            // kept it, every higher-scoring box of its class overlaps it by at most the threshold, one of them by nearly.
            var nearIouThreshold = (flip.Appeared ? now : before).Any(e =>
                e != d && e.Score >= d.Score && Competes(d, e, postprocess) && Math.Abs(Iou(d, e) - postprocess.IouThreshold) <= tolerance.Iou);

            // Flips judged so far all had explanations; one of the other direction that overlaps this one beyond the
            // threshold suppressed it in one run and, gone in the other, freed it there (or the reverse).
            var followsFlip = flips.Take(i).Any(g =>
                g.Appeared != flip.Appeared && g.Detection.Score >= d.Score && Competes(d, g.Detection, postprocess) && Iou(d, g.Detection) > postprocess.IouThreshold);
            if (!nearScoreThreshold && !nearIouThreshold && !followsFlip)
            {
                return flip;
            }
        }

        return null;
    }

    private static string Describe(int frame, Flip flip, EquivalenceSpec tolerance, PostprocessSpec postprocess)
    {
        var d = flip.Detection;
        var what = flip.Appeared
            ? string.Create(CultureInfo.InvariantCulture, $"class {d.ClassId} box ({d.X1:0.##}, {d.Y1:0.##}, {d.X2:0.##}, {d.Y2:0.##}) score {d.Score:0.####} has no baseline detection")
            : string.Create(CultureInfo.InvariantCulture, $"baseline class {d.ClassId} box ({d.X1:0.##}, {d.Y1:0.##}, {d.X2:0.##}, {d.Y2:0.##}) score {d.Score:0.####} has no detection now");
        return string.Create(CultureInfo.InvariantCulture,
            $"frame {frame}: {what} within {tolerance.BoxPixels} px and {tolerance.Score} score, and it is not borderline: its score is not within " +
            $"{tolerance.Score} of the {postprocess.ScoreThreshold} threshold and NMS did not decide it within {tolerance.Iou} of the {postprocess.IouThreshold} IoU threshold");
    }

    private static int ClosestUnused(in Detection d, IReadOnlyList<Detection> candidates, bool[] used, EquivalenceSpec tolerance)
    {
        var best = -1;
        var bestDistance = double.MaxValue;
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (used[i] || c.ClassId != d.ClassId || Math.Abs(c.Score - d.Score) > tolerance.Score)
            {
                continue;
            }

            var distance = BoxDistance(d, c);
            if (distance <= tolerance.BoxPixels && distance < bestDistance)
            {
                best = i;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>Whether NMS weighs the two boxes against each other: always when it is class-agnostic, else within one class.</summary>
    private static bool Competes(in Detection a, in Detection b, PostprocessSpec postprocess) => postprocess.ClassAgnostic || a.ClassId == b.ClassId;

    /// <summary>In float, as NMS computes it. Reported boxes are clipped to the image, so at its edge this is not quite NMS's IoU.</summary>
    private static double Iou(in Detection a, in Detection b) =>
        BoxOverlap.Iou(a.X1, a.Y1, a.X2, a.Y2, a.Width * a.Height, b.X1, b.Y1, b.X2, b.Y2, b.Width * b.Height);

    /// <summary>The largest move of any corner coordinate.</summary>
    private static double BoxDistance(in Detection a, in Detection b) =>
        Math.Max(Math.Max(Math.Abs(a.X1 - b.X1), Math.Abs(a.Y1 - b.Y1)), Math.Max(Math.Abs(a.X2 - b.X2), Math.Abs(a.Y2 - b.Y2)));

    /// <summary>A detection one run reported and the other did not: <see cref="Appeared"/> when only the current run did.</summary>
    private readonly record struct Flip(Detection Detection, bool Appeared);
}
