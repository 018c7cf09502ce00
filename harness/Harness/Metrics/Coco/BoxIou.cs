using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Harness.Postprocessing;
using Harness.Simd;

namespace Harness.Metrics.Coco;

/// <summary>
/// IoU of one truth box against a row of detections with COCO's bbIou rules: corners as doubles, zero when the
/// boxes do not overlap, and for a crowd truth the union is the detection's own area. The vector paths (256 bits, or
/// 128 where <see cref="VectorWidth.Current"/> is 128) perform the same IEEE operations in the same order as the
/// scalar one, so all give bit-identical results. There is no 512-bit path: IoU is under 1 % of a COCO evaluation
/// (docs/benchmarks.md), so at 512 bits the 256-bit one runs.
/// </summary>
internal static class BoxIou
{
    public static void Row(in TruthBoxGeometry truth, in DetectionRows detections, Span<double> destination)
    {
        var count = detections.X1.Length;
        CheckLengths(detections, destination, count);
        var width = VectorWidth.Current;
        if (width >= 256 && count >= Vector256<double>.Count)
        {
            Row256(truth, detections, destination);
        }
        else if (width >= 128 && count >= Vector128<double>.Count)
        {
            Row128(truth, detections, destination);
        }
        else
        {
            RowScalar(truth, detections, destination);
        }
    }

    /// <summary>Four detections at a time; the final block overlaps the previous one instead of a scalar tail.</summary>
    private static void Row256(in TruthBoxGeometry truth, in DetectionRows detections, Span<double> destination)
    {
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
        var last = detections.X1.Length - Vector256<double>.Count;
        for (var i = 0; ; i += Vector256<double>.Count)
        {
            // Recomputing a lane of the overlapping final block is harmless.
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

    /// <summary>The same as <see cref="Row256"/>, two detections at a time (ARM64 AdvSimd, SSE-only x64).</summary>
    private static void Row128(in TruthBoxGeometry truth, in DetectionRows detections, Span<double> destination)
    {
        var gx1 = Vector128.Create(truth.X1);
        var gy1 = Vector128.Create(truth.Y1);
        var gx2 = Vector128.Create(truth.X2);
        var gy2 = Vector128.Create(truth.Y2);
        var gArea = Vector128.Create(truth.BoxArea);
        var crowd = truth.IsCrowd ? Vector128<double>.AllBitsSet : Vector128<double>.Zero;
        ref var x1 = ref MemoryMarshal.GetReference(detections.X1);
        ref var y1 = ref MemoryMarshal.GetReference(detections.Y1);
        ref var x2 = ref MemoryMarshal.GetReference(detections.X2);
        ref var y2 = ref MemoryMarshal.GetReference(detections.Y2);
        ref var area = ref MemoryMarshal.GetReference(detections.BoxArea);
        ref var output = ref MemoryMarshal.GetReference(destination);
        var last = detections.X1.Length - Vector128<double>.Count;
        for (var i = 0; ; i += Vector128<double>.Count)
        {
            var at = (nuint)Math.Min(i, last);
            var w = Vector128.Min(Vector128.LoadUnsafe(ref x2, at), gx2) - Vector128.Max(Vector128.LoadUnsafe(ref x1, at), gx1);
            var h = Vector128.Min(Vector128.LoadUnsafe(ref y2, at), gy2) - Vector128.Max(Vector128.LoadUnsafe(ref y1, at), gy1);
            var dArea = Vector128.LoadUnsafe(ref area, at);
            var intersection = w * h;
            var union = Vector128.ConditionalSelect(crowd, dArea, dArea + gArea - intersection);
            var overlaps = Vector128.GreaterThan(w, Vector128<double>.Zero) & Vector128.GreaterThan(h, Vector128<double>.Zero);
            Vector128.ConditionalSelect(overlaps, intersection / union, Vector128<double>.Zero).StoreUnsafe(ref output, at);
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
