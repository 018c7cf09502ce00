using System.Numerics;
using System.Runtime.CompilerServices;

namespace Harness;

/// <summary>
/// The one scalar IoU: NMS (in float, as torchvision computes it), the COCO evaluation, the operating-point matcher
/// and the object flips (in double, as pycocotools computes it) all call this. Vector kernels (the NMS sweep, COCO's
/// row of IoUs) are checked against it. Areas are (x2 - x1) * (y2 - y1), no +1; they are passed in because the
/// callers keep them precomputed.
/// </summary>
internal static class BoxOverlap
{
    /// <summary>
    /// Intersection over union of box a and box b given by corners, 0 when they do not overlap. When
    /// <paramref name="bIsCrowd"/>, the union is a's own area (pycocotools' rule for crowd regions: the share of a
    /// inside b).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Iou<T>(T ax1, T ay1, T ax2, T ay2, T aArea, T bx1, T by1, T bx2, T by2, T bArea, bool bIsCrowd = false)
        where T : IFloatingPointIeee754<T>
    {
        var w = T.Min(ax2, bx2) - T.Max(ax1, bx1);
        var h = T.Min(ay2, by2) - T.Max(ay1, by1);
        if (w <= T.Zero || h <= T.Zero)
        {
            return T.Zero;
        }

        var intersection = w * h;
        return intersection / (bIsCrowd ? aArea : aArea + bArea - intersection);
    }
}
