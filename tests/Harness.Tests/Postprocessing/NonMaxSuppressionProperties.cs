using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Harness.Postprocessing;
using Harness.Simd;

namespace Harness.Tests.Postprocessing;

/// <summary>
/// Properties of greedy NMS over generated candidate sets. Boxes sit on a coarse integer grid inside a small field and
/// scores come from a short list, so overlaps at and around the threshold and score ties are common.
/// </summary>
[Properties(Arbitrary = [typeof(CandidateSets)], MaxTest = 300)]
public sealed class NonMaxSuppressionProperties
{
    [Property]
    public bool Kept_boxes_are_a_subset_in_score_order(CandidateSet set)
    {
        var kept = Run(set, set.Candidates);

        return kept.Zip(kept.Skip(1)).All(pair => pair.First < pair.Second)
            && kept.All(i => i >= 0 && i < set.Candidates.Count)
            && kept.Length <= set.MaxKept;
    }

    [Property]
    public bool No_two_kept_boxes_that_compete_overlap_above_the_threshold(CandidateSet set)
    {
        var kept = Run(set, set.Candidates);

        foreach (var a in kept)
        {
            foreach (var b in kept.Where(b => b > a && Competes(set, a, b)))
            {
                if (Iou(set.Candidates, a, b) > set.IouThreshold)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Greedy NMS is maximal: a box before the last kept one was dropped only because a kept, better box covers it.</summary>
    [Property]
    public bool Every_dropped_box_is_covered_by_an_earlier_kept_box(CandidateSet set)
    {
        var kept = Run(set, set.Candidates);
        var considered = kept.Length == set.MaxKept ? kept[^1] : set.Candidates.Count - 1;
        for (var i = 0; i <= considered; i++)
        {
            if (Array.IndexOf(kept, i) >= 0)
            {
                continue;
            }

            if (!kept.Any(k => k < i && Competes(set, k, i) && Iou(set.Candidates, k, i) > set.IouThreshold))
            {
                return false;
            }
        }

        return true;
    }

    [Property]
    public bool Running_again_on_the_kept_boxes_keeps_them_all(CandidateSet set)
    {
        var kept = Run(set, set.Candidates);
        var survivors = new Candidates();
        survivors.Reset(Math.Max(1, kept.Length));
        foreach (var i in kept)
        {
            survivors.AddFrom(set.Candidates, i);
        }

        var again = Run(set, survivors);

        return again.SequenceEqual(Enumerable.Range(0, kept.Length));
    }

    /// <summary>Integer-grid boxes put IoUs at and around the thresholds, where a different float expression would flip a box.</summary>
    [Property]
    [Trait("Category", "simd")]
    public bool Every_vector_width_keeps_the_boxes_the_scalar_path_keeps(CandidateSet set)
    {
        int[] scalar;
        using (VectorWidth.Force(0))
        {
            scalar = Run(set, set.Candidates);
        }

        foreach (var width in VectorWidth.Supported)
        {
            using (VectorWidth.Force(width))
            {
                if (!Run(set, set.Candidates).SequenceEqual(scalar))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static int[] Run(CandidateSet set, Candidates candidates)
    {
        var n = candidates.Count;
        var kept = new int[n];
        var count = NonMaxSuppression.Run(candidates, set.IouThreshold, set.ClassAgnostic, set.MaxKept, new float[n], new int[n], kept);
        return kept[..count];
    }

    private static bool Competes(CandidateSet set, int a, int b) =>
        set.ClassAgnostic || set.Candidates.Class[a] == set.Candidates.Class[b];

    /// <summary>torchvision's IoU, written out independently of the kernel (areas without +1, float arithmetic).</summary>
    private static float Iou(Candidates c, int a, int b)
    {
        var w = Math.Max(0f, Math.Min(c.X2[a], c.X2[b]) - Math.Max(c.X1[a], c.X1[b]));
        var h = Math.Max(0f, Math.Min(c.Y2[a], c.Y2[b]) - Math.Max(c.Y1[a], c.Y1[b]));
        var inter = w * h;
        var areaA = (c.X2[a] - c.X1[a]) * (c.Y2[a] - c.Y1[a]);
        var areaB = (c.X2[b] - c.X1[b]) * (c.Y2[b] - c.Y1[b]);
        return inter / (areaA + areaB - inter);
    }
}

/// <summary>A candidate set in descending score order with the NMS settings to run it with.</summary>
public sealed record CandidateSet(float IouThreshold, bool ClassAgnostic, int MaxKept, IReadOnlyList<(int X, int Y, int W, int H, float Score, int Class)> Boxes)
{
    internal Candidates Candidates { get; } = Build(Boxes);

    public override string ToString() =>
        $"iou {IouThreshold}, agnostic {ClassAgnostic}, max {MaxKept}: {string.Join("; ", Boxes)}";

    private static Candidates Build(IReadOnlyList<(int X, int Y, int W, int H, float Score, int Class)> boxes)
    {
        var candidates = new Candidates();
        candidates.Reset(Math.Max(1, boxes.Count));
        foreach (var b in boxes)
        {
            candidates.Add(b.X, b.Y, b.X + b.W, b.Y + b.H, b.Score, b.Class);
        }

        return candidates;
    }
}

public static class CandidateSets
{
    private static readonly float[] Scores = [0.95f, 0.9f, 0.8f, 0.8f, 0.6f, 0.5f, 0.3f];

    private static readonly float[] Thresholds = [0.3f, 0.45f, 0.5f, 0.7f];

    public static Arbitrary<CandidateSet> Sets()
    {
        var box =
            from x in Gen.Choose(0, 20)
            from y in Gen.Choose(0, 20)
            from w in Gen.Choose(1, 10)
            from h in Gen.Choose(1, 10)
            from score in Gen.Elements(Scores)
            from cls in Gen.Choose(0, 2)
            select (X: x * 4, Y: y * 4, W: w * 4, H: h * 4, Score: score, Class: cls);
        var set =
            from threshold in Gen.Elements(Thresholds)
            from agnostic in Gen.Elements(false, true)
            from maxKept in Gen.Choose(1, 40)
            from count in Gen.Choose(0, 60)
            from boxes in Gen.ArrayOf(box, count)
            select new CandidateSet(threshold, agnostic, maxKept, boxes.OrderByDescending(b => b.Score).ToArray());
        return set.ToArbitrary();
    }
}
