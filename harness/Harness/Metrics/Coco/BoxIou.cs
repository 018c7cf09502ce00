using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Harness.Postprocessing;

namespace Harness.Metrics.Coco;

/// <summary>
/// IoU of one truth box against a row of detections with COCO's bbIou rules: corners as doubles, zero when the
/// boxes do not overlap, and for a crowd truth the union is the detection's own area. The vector path performs the
/// same IEEE operations in the same order as the scalar one, so both give bit-identical results.
/// </summary>
internal static class BoxIou
{
    public static void Row(in TruthBoxGeometry truth, in DetectionRows detections, Span<double> destination)
    {
        var count = detections.X1.Length;
        CheckLengths(detections, destination, count);
        if (!Vector256.IsHardwareAccelerated || count < Vector256<double>.Count)
        {
            RowScalar(truth, detections, destination);
            return;
        }

        var gx1 = Vector256.Create(truth.X1);
        var gy1 = Vector256.Create(truth.Y1);
        var gx2 = Vector256.Create(truth.X2);
        var gy2 = Vector256.Create(truth.Y2);
        var gArea = Vector256.Create(truth.BoxArea);
        var crowd = truth.IsCrowd ? Vector256<double>.AllBitsSet : Vector256<double>.Zero;
        ref var x1 = ref MemoryMarshal.GetReference(detections.X1);
        ref var y1 = ref MemoryMarshal.GetReference(detections.Y1);
        ref var x2 = ref MemoryMarshal.GetReference(detections.X2);
        ref var y2 = ref MemoryMarshal.GetReference(detections.Y2);
        ref var area = ref MemoryMarshal.GetReference(detections.BoxArea);
        ref var output = ref MemoryMarshal.GetReference(destination);

        var last = count - Vector256<double>.Count;
        for (var i = 0; ; i += Vector256<double>.Count)
        {
            // The final block overlaps the previous one instead of a scalar tail; recomputing a lane is harmless.
            var at = (nuint)Math.Min(i, last);
            var w = Vector256.Min(Vector256.LoadUnsafe(ref x2, at), gx2) - Vector256.Max(Vector256.LoadUnsafe(ref x1, at), gx1);
            var h = Vector256.Min(Vector256.LoadUnsafe(ref y2, at), gy2) - Vector256.Max(Vector256.LoadUnsafe(ref y1, at), gy1);
            var dArea = Vector256.LoadUnsafe(ref area, at);
            var intersection = w * h;
            var union = Vector256.ConditionalSelect(crowd, dArea, dArea + gArea - intersection);
            var overlaps = Vector256.GreaterThan(w, Vector256<double>.Zero) & Vector256.GreaterThan(h, Vector256<double>.Zero);
            Vector256.ConditionalSelect(overlaps, intersection / union, Vector256<double>.Zero).StoreUnsafe(ref output, at);
            if (i >= last)
            {
                break;
            }
        }
    }

    public static void RowScalar(in TruthBoxGeometry truth, in DetectionRows detections, Span<double> destination)
    {
        var count = detections.X1.Length;
        CheckLengths(detections, destination, count);
        for (var d = 0; d < count; d++)
        {
            destination[d] = Single(truth, detections.X1[d], detections.Y1[d], detections.X2[d], detections.Y2[d], detections.BoxArea[d]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Single(in TruthBoxGeometry truth, double x1, double y1, double x2, double y2, double area) =>
        BoxOverlap.Iou(x1, y1, x2, y2, area, truth.X1, truth.Y1, truth.X2, truth.Y2, truth.BoxArea, truth.IsCrowd);

    private static void CheckLengths(in DetectionRows detections, Span<double> destination, int count)
    {
        if (detections.Y1.Length != count || detections.X2.Length != count || detections.Y2.Length != count
            || detections.BoxArea.Length != count || destination.Length < count)
        {
            throw new ArgumentException("Detection columns and destination must have the same length.", nameof(destination));
        }
    }
}
