using System.Globalization;
using Harness.Postprocessing;

namespace Harness.Gate;

/// <summary>
/// Compares two runs' detections frame by frame: identical, equal within tolerance (same class and count per frame,
/// every box corner within <c>boxPixels</c>, every score within <c>score</c>), or different. Detections pair up
/// regardless of order, because last-digit noise can swap two detections of nearly equal score.
/// </summary>
internal static class DetectionAgreement
{
    public static (PipelineAgreement Agreement, string Detail) Compare(
        IReadOnlyList<IReadOnlyList<Detection>> baseline, IReadOnlyList<IReadOnlyList<Detection>> current, double boxPixels, double score)
    {
        if (baseline.Count != current.Count)
        {
            return (PipelineAgreement.Changed, $"{baseline.Count} frames in the baseline, {current.Count} now");
        }

        var identical = true;
        double worstBox = 0, worstScore = 0;
        var used = new List<bool>();
        for (var f = 0; f < current.Count; f++)
        {
            var before = baseline[f];
            var now = current[f];
            if (before.Count != now.Count)
            {
                return (PipelineAgreement.Changed, $"frame {f}: {before.Count} detections in the baseline, {now.Count} now");
            }

            if (before.SequenceEqual(now))
            {
                continue;
            }

            identical = false;
            used.Clear();
            used.AddRange(Enumerable.Repeat(false, before.Count));
            foreach (var d in now)
            {
                var partner = ClosestUnused(d, before, used, boxPixels, score);
                if (partner < 0)
                {
                    return (PipelineAgreement.Changed, string.Create(CultureInfo.InvariantCulture,
                        $"frame {f}: class {d.ClassId} box ({d.X1:0.##}, {d.Y1:0.##}, {d.X2:0.##}, {d.Y2:0.##}) score {d.Score:0.####} has no baseline detection within {boxPixels} px and {score} score"));
                }

                used[partner] = true;
                worstBox = Math.Max(worstBox, BoxDistance(d, before[partner]));
                worstScore = Math.Max(worstScore, Math.Abs(d.Score - before[partner].Score));
            }
        }

        return identical
            ? (PipelineAgreement.Identical, "")
            : (PipelineAgreement.Equivalent, string.Create(CultureInfo.InvariantCulture,
                $"detections differ within tolerance: box corners by up to {worstBox:0.#####} px, scores by up to {worstScore:0.#######}"));
    }

    private static int ClosestUnused(in Detection d, IReadOnlyList<Detection> candidates, List<bool> used, double boxPixels, double score)
    {
        var best = -1;
        var bestDistance = double.MaxValue;
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (used[i] || c.ClassId != d.ClassId || Math.Abs(c.Score - d.Score) > score)
            {
                continue;
            }

            var distance = BoxDistance(d, c);
            if (distance <= boxPixels && distance < bestDistance)
            {
                best = i;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>The largest move of any corner coordinate.</summary>
    private static double BoxDistance(in Detection a, in Detection b) =>
        Math.Max(Math.Max(Math.Abs(a.X1 - b.X1), Math.Abs(a.Y1 - b.Y1)), Math.Max(Math.Abs(a.X2 - b.X2), Math.Abs(a.Y2 - b.Y2)));
}
