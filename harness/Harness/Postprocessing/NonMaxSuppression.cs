using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Harness.Postprocessing;

/// <summary>
/// Greedy NMS with torchvision.ops.nms semantics: boxes in descending score order, each kept box suppresses every
/// later box whose IoU with it is strictly greater than the threshold; areas are (x2 - x1) * (y2 - y1), no +1.
/// The IoU of the kept box against all later ones is computed a vector at a time with the float expression of
/// <see cref="BoxOverlap.Iou{T}"/>, which the scalar tail calls: wherever boxes overlap the lanes give its bits, and
/// elsewhere both give a value no threshold exceeds, so the kept set does not depend on the vector width.
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
        var count = 0;
        for (var i = 0; i < n && count < maxKept; i++)
        {
            if (suppressed[i] != 0)
            {
                continue;
            }

            kept[count++] = i;
            SuppressLater(sorted, i, iouThreshold, classAgnostic, area, suppressed);
        }

        return count;
    }

    private static void SuppressLater(
        Candidates sorted, int i, float threshold, bool classAgnostic, ReadOnlySpan<float> area, Span<int> suppressed)
    {
        var n = sorted.Count;
        ref var x1 = ref MemoryMarshal.GetArrayDataReference(sorted.X1);
        ref var y1 = ref MemoryMarshal.GetArrayDataReference(sorted.Y1);
        ref var x2 = ref MemoryMarshal.GetArrayDataReference(sorted.X2);
        ref var y2 = ref MemoryMarshal.GetArrayDataReference(sorted.Y2);
        ref var classes = ref MemoryMarshal.GetArrayDataReference(sorted.Class);
        ref var areas = ref MemoryMarshal.GetReference(area);
        ref var flags = ref MemoryMarshal.GetReference(suppressed);
        float ix1 = sorted.X1[i], iy1 = sorted.Y1[i], ix2 = sorted.X2[i], iy2 = sorted.Y2[i], iarea = area[i];
        var iclass = sorted.Class[i];
        var j = i + 1;
        if (Vector512.IsHardwareAccelerated)
        {
            var bx1 = Vector512.Create(ix1);
            var by1 = Vector512.Create(iy1);
            var bx2 = Vector512.Create(ix2);
            var by2 = Vector512.Create(iy2);
            var barea = Vector512.Create(iarea);
            var bclass = Vector512.Create(iclass);
            var limit = Vector512.Create(threshold);
            for (; j <= n - Vector512<float>.Count; j += Vector512<float>.Count)
            {
                var at = (nuint)j;
                var w = Vector512.Max(Vector512<float>.Zero, Vector512.Min(bx2, Vector512.LoadUnsafe(ref x2, at)) - Vector512.Max(bx1, Vector512.LoadUnsafe(ref x1, at)));
                var h = Vector512.Max(Vector512<float>.Zero, Vector512.Min(by2, Vector512.LoadUnsafe(ref y2, at)) - Vector512.Max(by1, Vector512.LoadUnsafe(ref y1, at)));
                var inter = w * h;
                var iou = inter / (barea + Vector512.LoadUnsafe(ref areas, at) - inter);
                var hit = Vector512.GreaterThan(iou, limit).AsInt32();
                if (!classAgnostic)
                {
                    hit &= Vector512.Equals(bclass, Vector512.LoadUnsafe(ref classes, at));
                }

                (Vector512.LoadUnsafe(ref flags, at) | hit).StoreUnsafe(ref flags, at);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            var bx1 = Vector256.Create(ix1);
            var by1 = Vector256.Create(iy1);
            var bx2 = Vector256.Create(ix2);
            var by2 = Vector256.Create(iy2);
            var barea = Vector256.Create(iarea);
            var bclass = Vector256.Create(iclass);
            var limit = Vector256.Create(threshold);
            for (; j <= n - Vector256<float>.Count; j += Vector256<float>.Count)
            {
                var at = (nuint)j;
                var w = Vector256.Max(Vector256<float>.Zero, Vector256.Min(bx2, Vector256.LoadUnsafe(ref x2, at)) - Vector256.Max(bx1, Vector256.LoadUnsafe(ref x1, at)));
                var h = Vector256.Max(Vector256<float>.Zero, Vector256.Min(by2, Vector256.LoadUnsafe(ref y2, at)) - Vector256.Max(by1, Vector256.LoadUnsafe(ref y1, at)));
                var inter = w * h;
                var iou = inter / (barea + Vector256.LoadUnsafe(ref areas, at) - inter);
                var hit = Vector256.GreaterThan(iou, limit).AsInt32();
                if (!classAgnostic)
                {
                    hit &= Vector256.Equals(bclass, Vector256.LoadUnsafe(ref classes, at));
                }

                (Vector256.LoadUnsafe(ref flags, at) | hit).StoreUnsafe(ref flags, at);
            }
        }

        for (; j < n; j++)
        {
            if (!classAgnostic && Unsafe.Add(ref classes, j) != iclass)
            {
                continue;
            }

            var iou = BoxOverlap.Iou(ix1, iy1, ix2, iy2, iarea, Unsafe.Add(ref x1, j), Unsafe.Add(ref y1, j), Unsafe.Add(ref x2, j), Unsafe.Add(ref y2, j), Unsafe.Add(ref areas, j));
            if (iou > threshold)
            {
                Unsafe.Add(ref flags, j) = -1;
            }
        }
    }
}
