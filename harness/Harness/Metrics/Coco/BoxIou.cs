using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
            RowVectors<Vector256Ops, Vector256<double>>(truth, detections, destination);
        }
        else if (width >= 128 && count >= Vector128<double>.Count)
        {
            RowVectors<Vector128Ops, Vector128<double>>(truth, detections, destination);
        }
        else
        {
            RowScalar(truth, detections, destination);
        }
    }

    /// <summary>
    /// <c>TOps.Count</c> detections at a time (4 at 256 bits; 2 at 128: ARM64 AdvSimd, SSE-only x64); the final block
    /// overlaps the previous one instead of a scalar tail.
    /// </summary>
    private static void RowVectors<TOps, TDouble>(in TruthBoxGeometry truth, in DetectionRows detections, Span<double> destination)
        where TOps : IDoubleVectorOps<TDouble>
        where TDouble : struct
    {
        var zero = TOps.Create(0d);
        var gx1 = TOps.Create(truth.X1);
        var gy1 = TOps.Create(truth.Y1);
        var gx2 = TOps.Create(truth.X2);
        var gy2 = TOps.Create(truth.Y2);
        var gArea = TOps.Create(truth.BoxArea);
        var crowd = truth.IsCrowd ? TOps.AllBitsSet : zero;
        ref var x1 = ref MemoryMarshal.GetReference(detections.X1);
        ref var y1 = ref MemoryMarshal.GetReference(detections.Y1);
        ref var x2 = ref MemoryMarshal.GetReference(detections.X2);
        ref var y2 = ref MemoryMarshal.GetReference(detections.Y2);
        ref var area = ref MemoryMarshal.GetReference(detections.BoxArea);
        ref var output = ref MemoryMarshal.GetReference(destination);
        var last = detections.X1.Length - TOps.Count;
        for (var i = 0; ; i += TOps.Count)
        {
            // Recomputing a lane of the overlapping final block is harmless.
            var at = (nuint)Math.Min(i, last);
            var w = TOps.Subtract(TOps.Min(TOps.Load(ref x2, at), gx2), TOps.Max(TOps.Load(ref x1, at), gx1));
            var h = TOps.Subtract(TOps.Min(TOps.Load(ref y2, at), gy2), TOps.Max(TOps.Load(ref y1, at), gy1));
            var dArea = TOps.Load(ref area, at);
            var intersection = TOps.Multiply(w, h);
            var union = TOps.Select(crowd, dArea, TOps.Subtract(TOps.Add(dArea, gArea), intersection));
            var overlaps = TOps.And(TOps.GreaterThan(w, zero), TOps.GreaterThan(h, zero));
            TOps.Store(TOps.Select(overlaps, TOps.Divide(intersection, union), zero), ref output, at);
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
