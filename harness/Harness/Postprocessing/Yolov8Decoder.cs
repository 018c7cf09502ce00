using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Harness.Postprocessing;

/// <summary>
/// Decodes a channel-major [1, 4+C, N] output. Anchors are taken 64 at a time (four 512-bit registers); for those
/// the class rows are walked in order, keeping the running best score and its class in registers, so each class
/// row is read once, sequentially, and nothing is written until the threshold test picks the few candidates.
/// </summary>
internal static class Yolov8Decoder
{
    private const int Tile = 4 * 16;

    public static void Decode(ReadOnlySpan<float> data, int rows, int anchors, float threshold, Candidates candidates)
    {
        ref var start = ref MemoryMarshal.GetReference(data);
        var classes = rows - 4;
        var a = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var limit = Vector512.Create(threshold);
            for (; a <= anchors - Tile; a += Tile)
            {
                ref var scores = ref Unsafe.Add(ref start, (nint)(4 * anchors) + a);
                var m0 = Vector512.LoadUnsafe(ref scores, 0);
                var m1 = Vector512.LoadUnsafe(ref scores, 16);
                var m2 = Vector512.LoadUnsafe(ref scores, 32);
                var m3 = Vector512.LoadUnsafe(ref scores, 48);
                var c0 = Vector512<int>.Zero;
                var c1 = Vector512<int>.Zero;
                var c2 = Vector512<int>.Zero;
                var c3 = Vector512<int>.Zero;
                for (var c = 1; c < classes; c++)
                {
                    ref var row = ref Unsafe.Add(ref scores, (nint)c * anchors);
                    var id = Vector512.Create(c);
                    var v0 = Vector512.LoadUnsafe(ref row, 0);
                    var v1 = Vector512.LoadUnsafe(ref row, 16);
                    var v2 = Vector512.LoadUnsafe(ref row, 32);
                    var v3 = Vector512.LoadUnsafe(ref row, 48);
                    var g0 = Vector512.GreaterThan(v0, m0);
                    var g1 = Vector512.GreaterThan(v1, m1);
                    var g2 = Vector512.GreaterThan(v2, m2);
                    var g3 = Vector512.GreaterThan(v3, m3);
                    m0 = Vector512.ConditionalSelect(g0, v0, m0);
                    m1 = Vector512.ConditionalSelect(g1, v1, m1);
                    m2 = Vector512.ConditionalSelect(g2, v2, m2);
                    m3 = Vector512.ConditionalSelect(g3, v3, m3);
                    c0 = Vector512.ConditionalSelect(g0.AsInt32(), id, c0);
                    c1 = Vector512.ConditionalSelect(g1.AsInt32(), id, c1);
                    c2 = Vector512.ConditionalSelect(g2.AsInt32(), id, c2);
                    c3 = Vector512.ConditionalSelect(g3.AsInt32(), id, c3);
                }

                Emit(data, anchors, a, m0, c0, Vector512.GreaterThan(m0, limit).ExtractMostSignificantBits(), candidates);
                Emit(data, anchors, a + 16, m1, c1, Vector512.GreaterThan(m1, limit).ExtractMostSignificantBits(), candidates);
                Emit(data, anchors, a + 32, m2, c2, Vector512.GreaterThan(m2, limit).ExtractMostSignificantBits(), candidates);
                Emit(data, anchors, a + 48, m3, c3, Vector512.GreaterThan(m3, limit).ExtractMostSignificantBits(), candidates);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            var limit = Vector256.Create(threshold);
            for (; a <= anchors - Vector256<float>.Count; a += Vector256<float>.Count)
            {
                ref var scores = ref Unsafe.Add(ref start, (nint)(4 * anchors) + a);
                var best = Vector256.LoadUnsafe(ref scores);
                var bestClass = Vector256<int>.Zero;
                for (var c = 1; c < classes; c++)
                {
                    var value = Vector256.LoadUnsafe(ref Unsafe.Add(ref scores, (nint)c * anchors));
                    var greater = Vector256.GreaterThan(value, best);
                    best = Vector256.ConditionalSelect(greater, value, best);
                    bestClass = Vector256.ConditionalSelect(greater.AsInt32(), Vector256.Create(c), bestClass);
                }

                var bits = (ulong)Vector256.GreaterThan(best, limit).ExtractMostSignificantBits();
                for (; bits != 0; bits &= bits - 1)
                {
                    var lane = BitOperations.TrailingZeroCount(bits);
                    Add(data, anchors, a + lane, best.GetElement(lane), bestClass.GetElement(lane), candidates);
                }
            }
        }

        for (; a < anchors; a++)
        {
            var best = data[(4 * anchors) + a];
            var bestClass = 0;
            for (var c = 1; c < classes; c++)
            {
                var value = data[((4 + c) * anchors) + a];
                if (value > best)
                {
                    best = value;
                    bestClass = c;
                }
            }

            if (best > threshold)
            {
                Add(data, anchors, a, best, bestClass, candidates);
            }
        }
    }

    private static void Emit(
        ReadOnlySpan<float> data, int anchors, int first, Vector512<float> best, Vector512<int> bestClass, ulong above, Candidates candidates)
    {
        for (; above != 0; above &= above - 1)
        {
            var lane = BitOperations.TrailingZeroCount(above);
            Add(data, anchors, first + lane, best.GetElement(lane), bestClass.GetElement(lane), candidates);
        }
    }

    private static void Add(ReadOnlySpan<float> data, int anchors, int anchor, float score, int classId, Candidates candidates) =>
        candidates.AddCentre(
            data[anchor], data[anchors + anchor], data[(2 * anchors) + anchor], data[(3 * anchors) + anchor], score, classId);
}
