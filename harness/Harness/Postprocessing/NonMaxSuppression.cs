using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Harness.Simd;

namespace Harness.Postprocessing;

/// <summary>
/// Greedy NMS with torchvision.ops.nms semantics: boxes in descending score order, each kept box suppresses every
/// later box whose IoU with it is strictly greater than the threshold; areas are (x2 - x1) * (y2 - y1), no +1.
/// The IoU of the kept box against all later ones is computed a vector at a time with the float expression of
/// <see cref="BoxOverlap.Iou{T}"/>, which the scalar tail calls: wherever boxes overlap the lanes give its bits, and
/// elsewhere both give a value no threshold exceeds, so the kept set does not depend on the vector width. One body is
/// generic over the width: the widest <see cref="VectorWidth.Current"/> allows first, each narrower one on what is
/// left, then the scalar tail.
/// </summary>
internal static class NonMaxSuppression
{
    /// <param name="sorted">Candidates in descending score order.</param>
    /// <param name="kept">Receives indices into <paramref name="sorted"/>, best first.</param>
    /// <returns>How many indices were written to <paramref name="kept"/>.</returns>
    public static int Run(
        Candidates sorted, float iouThreshold, bool classAgnostic, int maxKept, Span<float> area, Span<int> suppressed, Span<int> kept)
    {
        var n = sorted.Count;
        var x1 = sorted.X1.AsSpan(0, n);
        var y1 = sorted.Y1.AsSpan(0, n);
        var x2 = sorted.X2.AsSpan(0, n);
        var y2 = sorted.Y2.AsSpan(0, n);
        area = area[..n];
        for (var i = 0; i < n; i++)
        {
            area[i] = (x2[i] - x1[i]) * (y2[i] - y1[i]);
        }

        suppressed = suppressed[..n];
        suppressed.Clear();
        var width = VectorWidth.Current;
        var count = 0;
        for (var i = 0; i < n && count < maxKept; i++)
        {
            if (suppressed[i] != 0)
            {
                continue;
            }

            kept[count++] = i;
            SuppressLater(sorted, i, iouThreshold, classAgnostic, width, area, suppressed);
        }

        return count;
    }

    private static void SuppressLater(
        Candidates sorted, int i, float threshold, bool classAgnostic, int width, ReadOnlySpan<float> area, Span<int> suppressed)
    {
        var n = sorted.Count;
        var kept = new KeptBox(sorted, i, area[i], threshold, classAgnostic);
        var j = i + 1;
        if (width >= 512)
        {
            j = SuppressVectors<Vector512Ops, Vector512<float>, Vector512<int>>(sorted, kept, area, suppressed, j);
        }

        if (width >= 256)
        {
            j = SuppressVectors<Vector256Ops, Vector256<float>, Vector256<int>>(sorted, kept, area, suppressed, j);
        }

        if (width >= 128)
        {
            j = SuppressVectors<Vector128Ops, Vector128<float>, Vector128<int>>(sorted, kept, area, suppressed, j);
        }

        for (; j < n; j++)
        {
            if (!classAgnostic && sorted.Class[j] != kept.Class)
            {
                continue;
            }

            if (BoxOverlap.Iou(kept.X1, kept.Y1, kept.X2, kept.Y2, kept.Area, sorted.X1[j], sorted.Y1[j], sorted.X2[j], sorted.Y2[j], area[j]) > threshold)
            {
                suppressed[j] = -1;
            }
        }
    }

    /// <returns>The first index not tested: vectors of later boxes are taken while they fit.</returns>
    private static int SuppressVectors<TOps, TFloat, TInt>(
        Candidates sorted, in KeptBox kept, ReadOnlySpan<float> area, Span<int> suppressed, int j)
        where TOps : IVectorOps<TFloat, TInt>
        where TFloat : struct
        where TInt : struct
    {
        var n = sorted.Count;
        ref var x1 = ref MemoryMarshal.GetArrayDataReference(sorted.X1);
        ref var y1 = ref MemoryMarshal.GetArrayDataReference(sorted.Y1);
        ref var x2 = ref MemoryMarshal.GetArrayDataReference(sorted.X2);
        ref var y2 = ref MemoryMarshal.GetArrayDataReference(sorted.Y2);
        ref var classes = ref MemoryMarshal.GetArrayDataReference(sorted.Class);
        ref var areas = ref MemoryMarshal.GetReference(area);
        ref var flags = ref MemoryMarshal.GetReference(suppressed);
        var zero = TOps.Create(0f);
        var bx1 = TOps.Create(kept.X1);
        var by1 = TOps.Create(kept.Y1);
        var bx2 = TOps.Create(kept.X2);
        var by2 = TOps.Create(kept.Y2);
        var barea = TOps.Create(kept.Area);
        var bclass = TOps.Create(kept.Class);
        var limit = TOps.Create(kept.Threshold);
        for (; j <= n - TOps.Count; j += TOps.Count)
        {
            var at = (nuint)j;
            var w = TOps.Max(zero, TOps.Subtract(TOps.Min(bx2, TOps.Load(ref x2, at)), TOps.Max(bx1, TOps.Load(ref x1, at))));
            var h = TOps.Max(zero, TOps.Subtract(TOps.Min(by2, TOps.Load(ref y2, at)), TOps.Max(by1, TOps.Load(ref y1, at))));
            var inter = TOps.Multiply(w, h);
            var iou = TOps.Divide(inter, TOps.Subtract(TOps.Add(barea, TOps.Load(ref areas, at)), inter));
            var hit = TOps.GreaterThan(iou, limit);
            if (!kept.ClassAgnostic)
            {
                hit = TOps.And(hit, TOps.Equal(bclass, TOps.Load(ref classes, at)));
            }

            TOps.Store(TOps.Or(TOps.Load(ref flags, at), hit), ref flags, at);
        }

        return j;
    }

    /// <summary>The box that was just kept, which suppresses the later ones it overlaps.</summary>
    private readonly struct KeptBox(Candidates sorted, int index, float area, float threshold, bool classAgnostic)
    {
        public float X1 { get; } = sorted.X1[index];

        public float Y1 { get; } = sorted.Y1[index];

        public float X2 { get; } = sorted.X2[index];

        public float Y2 { get; } = sorted.Y2[index];

        public float Area { get; } = area;

        public int Class { get; } = sorted.Class[index];

        public float Threshold { get; } = threshold;

        public bool ClassAgnostic { get; } = classAgnostic;
    }
}
