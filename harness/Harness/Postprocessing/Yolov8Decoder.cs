using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Harness.Simd;

namespace Harness.Postprocessing;

/// <summary>
/// Decodes a channel-major [1, 4+C, N] output. Anchors are taken four vectors at a time (64 with 512-bit registers);
/// for those the class rows are walked in order, keeping the running best score and its class in registers, so each
/// class row is read once, sequentially, and nothing is written until the threshold test picks the few candidates.
/// The body is generic over the vector width: the widest <see cref="VectorWidth.Current"/> allows runs first, each
/// narrower one takes what is left, then the scalar tail; all keep the first class on ties, as the scalar loop does.
/// </summary>
internal static class Yolov8Decoder
{
    public static void Decode(ReadOnlySpan<float> data, int rows, int anchors, float threshold, Candidates candidates)
    {
        var classes = rows - 4;
        var width = VectorWidth.Current;
        var a = 0;
        if (width >= 512)
        {
            a = DecodeTiles<Vector512Ops, Vector512<float>, Vector512<int>>(data, classes, anchors, threshold, candidates, a);
        }

        if (width >= 256)
        {
            a = DecodeTiles<Vector256Ops, Vector256<float>, Vector256<int>>(data, classes, anchors, threshold, candidates, a);
        }

        if (width >= 128)
        {
            a = DecodeTiles<Vector128Ops, Vector128<float>, Vector128<int>>(data, classes, anchors, threshold, candidates, a);
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

    /// <returns>The first anchor not decoded: tiles of four vectors are taken while they fit.</returns>
    private static int DecodeTiles<TOps, TFloat, TInt>(
        ReadOnlySpan<float> data, int classes, int anchors, float threshold, Candidates candidates, int a)
        where TOps : IVectorOps<TFloat, TInt>
        where TFloat : struct
        where TInt : struct
    {
        var lanes = TOps.Count;
        var tile = 4 * lanes;
        var limit = TOps.Create(threshold);
        ref var start = ref MemoryMarshal.GetReference(data);
        for (; a <= anchors - tile; a += tile)
        {
            ref var scores = ref Unsafe.Add(ref start, (nint)(4 * anchors) + a);
            var m0 = TOps.Load(ref scores, 0);
            var m1 = TOps.Load(ref scores, (nuint)lanes);
            var m2 = TOps.Load(ref scores, (nuint)(2 * lanes));
            var m3 = TOps.Load(ref scores, (nuint)(3 * lanes));
            var c0 = TOps.Create(0);
            var c1 = c0;
            var c2 = c0;
            var c3 = c0;
            for (var c = 1; c < classes; c++)
            {
                ref var row = ref Unsafe.Add(ref scores, (nint)c * anchors);
                var id = TOps.Create(c);
                var v0 = TOps.Load(ref row, 0);
                var v1 = TOps.Load(ref row, (nuint)lanes);
                var v2 = TOps.Load(ref row, (nuint)(2 * lanes));
                var v3 = TOps.Load(ref row, (nuint)(3 * lanes));
                var g0 = TOps.GreaterThan(v0, m0);
                var g1 = TOps.GreaterThan(v1, m1);
                var g2 = TOps.GreaterThan(v2, m2);
                var g3 = TOps.GreaterThan(v3, m3);
                m0 = TOps.Select(g0, v0, m0);
                m1 = TOps.Select(g1, v1, m1);
                m2 = TOps.Select(g2, v2, m2);
                m3 = TOps.Select(g3, v3, m3);
                c0 = TOps.Select(g0, id, c0);
                c1 = TOps.Select(g1, id, c1);
                c2 = TOps.Select(g2, id, c2);
                c3 = TOps.Select(g3, id, c3);
            }

            Emit<TOps, TFloat, TInt>(data, anchors, a, m0, c0, limit, candidates);
            Emit<TOps, TFloat, TInt>(data, anchors, a + lanes, m1, c1, limit, candidates);
            Emit<TOps, TFloat, TInt>(data, anchors, a + (2 * lanes), m2, c2, limit, candidates);
            Emit<TOps, TFloat, TInt>(data, anchors, a + (3 * lanes), m3, c3, limit, candidates);
        }

        return a;
    }

    /// <summary>Adds the anchors of one vector whose best score is above the threshold, lowest anchor first.</summary>
    private static void Emit<TOps, TFloat, TInt>(
        ReadOnlySpan<float> data, int anchors, int first, TFloat best, TInt bestClass, TFloat limit, Candidates candidates)
        where TOps : IVectorOps<TFloat, TInt>
        where TFloat : struct
        where TInt : struct
    {
        for (var above = TOps.MostSignificantBits(TOps.GreaterThan(best, limit)); above != 0; above &= above - 1)
        {
            var lane = BitOperations.TrailingZeroCount(above);
            Add(data, anchors, first + lane, TOps.GetElement(best, lane), TOps.GetElement(bestClass, lane), candidates);
        }
    }

    private static void Add(ReadOnlySpan<float> data, int anchors, int anchor, float score, int classId, Candidates candidates) =>
        candidates.AddCentre(
            data[anchor], data[anchors + anchor], data[(2 * anchors) + anchor], data[(3 * anchors) + anchor], score, classId);
}
