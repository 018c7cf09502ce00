using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Harness.Simd;

namespace Harness.Preprocessing;

/// <summary>
/// The two passes of the separable bilinear resize. The vertical pass blends two interleaved source rows into one
/// float row (contiguous, so it vectorises without shuffles); the horizontal pass gathers each output plane from it.
/// Each pass has one vector body, generic over the width: the widest width <see cref="VectorWidth.Current"/> allows
/// runs first, then each narrower one on what is left, then the scalar tail. Every body computes the same expression
/// as the scalar tail, so results do not depend on the vector width.
/// </summary>
internal static unsafe class ResizeKernels
{
    /// <summary><c>destination[i] = top[i] + (bottom[i] - top[i]) * weight</c>.</summary>
    public static void BlendRows(ReadOnlySpan<byte> top, ReadOnlySpan<byte> bottom, float weight, Span<float> destination)
    {
        var length = destination.Length;
        Debug.Assert(top.Length >= length && bottom.Length >= length, "rows shorter than the destination");
        ref var t = ref MemoryMarshal.GetReference(top);
        ref var b = ref MemoryMarshal.GetReference(bottom);
        ref var d = ref MemoryMarshal.GetReference(destination);
        var width = VectorWidth.Current;
        var i = 0;
        if (weight == 0f)
        {
            // The sample row sits exactly on a source row: destination[i] = top[i].
            if (width >= 512)
            {
                i = Widen<Vector512Ops, Vector512<float>, Vector512<int>>(ref t, ref d, i, length);
            }

            if (width >= 256)
            {
                i = Widen<Vector256Ops, Vector256<float>, Vector256<int>>(ref t, ref d, i, length);
            }

            if (width >= 128)
            {
                i = Widen<Vector128Ops, Vector128<float>, Vector128<int>>(ref t, ref d, i, length);
            }

            for (; i < length; i++)
            {
                Unsafe.Add(ref d, i) = Unsafe.Add(ref t, i);
            }

            return;
        }

        if (width >= 512)
        {
            i = Blend<Vector512Ops, Vector512<float>, Vector512<int>>(ref t, ref b, weight, ref d, i, length);
        }

        if (width >= 256)
        {
            i = Blend<Vector256Ops, Vector256<float>, Vector256<int>>(ref t, ref b, weight, ref d, i, length);
        }

        if (width >= 128)
        {
            i = Blend<Vector128Ops, Vector128<float>, Vector128<int>>(ref t, ref b, weight, ref d, i, length);
        }

        for (; i < length; i++)
        {
            float top0 = Unsafe.Add(ref t, i);
            float bottom0 = Unsafe.Add(ref b, i);
            Unsafe.Add(ref d, i) = top0 + ((bottom0 - top0) * weight);
        }
    }

    /// <summary>
    /// One output plane from an interleaved float row: two taps per output at <c>row[tap + channel]</c>, blended,
    /// then normalised as <c>value * gain + offset</c>. When every sample sits on a pixel centre (integer
    /// downscales) the second tap has weight 0 and is not gathered: <c>a + (b - a) * 0</c> is exactly <c>a</c>.
    /// </summary>
    public static void SamplePlane(
        ReadOnlySpan<float> row, int channel, LinearSamples columns, float gain, float offset, Span<float> destination)
    {
        var length = destination.Length;
        Debug.Assert(columns.First.Length == length, "column table does not match the destination");
        fixed (float* rowStart = row)
        fixed (int* first = columns.First)
        fixed (int* second = columns.Second)
        fixed (float* weight = columns.Weight)
        fixed (float* output = destination)
        {
            var source = rowStart + channel;
            var taps = new Taps(source, first, columns.OnPixelCentres ? null : second, weight);
            var width = VectorWidth.Current;
            var d = 0;
            if (width >= 512)
            {
                d = Sample<Vector512Ops, Vector512<float>, Vector512<int>>(taps, gain, offset, output, d, length);
            }

            if (width >= 256)
            {
                d = Sample<Vector256Ops, Vector256<float>, Vector256<int>>(taps, gain, offset, output, d, length);
            }

            if (width >= 128)
            {
                d = Sample<Vector128Ops, Vector128<float>, Vector128<int>>(taps, gain, offset, output, d, length);
            }

            for (; d < length; d++)
            {
                var a = source[first[d]];
                var b = source[second[d]];
                var value = a + ((b - a) * weight[d]);
                output[d] = (value * gain) + offset;
            }
        }
    }

    /// <returns>The first index not written: vectors of <c>4 * Count</c> bytes are taken while they fit.</returns>
    private static int Blend<TOps, TFloat, TInt>(ref byte top, ref byte bottom, float weight, ref float destination, int i, int length)
        where TOps : IVectorOps<TFloat, TInt>
        where TFloat : struct
        where TInt : struct
    {
        var step = 4 * TOps.Count;
        var w = TOps.Create(weight);
        for (; i <= length - step; i += step)
        {
            var at = (nuint)i;
            var (t0, t1, t2, t3) = TOps.LoadWidened(ref top, at);
            var (b0, b1, b2, b3) = TOps.LoadWidened(ref bottom, at);
            var lanes = (nuint)TOps.Count;
            TOps.Store(Lerp<TOps, TFloat, TInt>(t0, b0, w), ref destination, at);
            TOps.Store(Lerp<TOps, TFloat, TInt>(t1, b1, w), ref destination, at + lanes);
            TOps.Store(Lerp<TOps, TFloat, TInt>(t2, b2, w), ref destination, at + (2 * lanes));
            TOps.Store(Lerp<TOps, TFloat, TInt>(t3, b3, w), ref destination, at + (3 * lanes));
        }

        return i;
    }

    private static int Widen<TOps, TFloat, TInt>(ref byte source, ref float destination, int i, int length)
        where TOps : IVectorOps<TFloat, TInt>
        where TFloat : struct
        where TInt : struct
    {
        var step = 4 * TOps.Count;
        for (; i <= length - step; i += step)
        {
            var at = (nuint)i;
            var (v0, v1, v2, v3) = TOps.LoadWidened(ref source, at);
            var lanes = (nuint)TOps.Count;
            TOps.Store(v0, ref destination, at);
            TOps.Store(v1, ref destination, at + lanes);
            TOps.Store(v2, ref destination, at + (2 * lanes));
            TOps.Store(v3, ref destination, at + (3 * lanes));
        }

        return i;
    }

    private static int Sample<TOps, TFloat, TInt>(Taps taps, float gain, float offset, float* output, int d, int length)
        where TOps : IVectorOps<TFloat, TInt>
        where TFloat : struct
        where TInt : struct
    {
        var g = TOps.Create(gain);
        var o = TOps.Create(offset);
        for (; d <= length - TOps.Count; d += TOps.Count)
        {
            var value = TOps.Gather(taps.Source, taps.First + d);
            if (taps.Second != null)
            {
                value = Lerp<TOps, TFloat, TInt>(value, TOps.Gather(taps.Source, taps.Second + d), TOps.Load(ref taps.Weight[d], 0));
            }

            TOps.Store(TOps.Add(TOps.Multiply(value, g), o), ref output[d], 0);
        }

        return d;
    }

    /// <summary><c>a + (b - a) * weight</c>, the scalar expression operation for operation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TFloat Lerp<TOps, TFloat, TInt>(TFloat a, TFloat b, TFloat weight)
        where TOps : IVectorOps<TFloat, TInt>
        where TFloat : struct
        where TInt : struct =>
        TOps.Add(a, TOps.Multiply(TOps.Subtract(b, a), weight));

    /// <summary>Pinned column taps of one plane; <see cref="Second"/> is null when every sample is on a pixel centre.</summary>
    private readonly struct Taps(float* source, int* first, int* second, float* weight)
    {
        public float* Source { get; } = source;

        public int* First { get; } = first;

        public int* Second { get; } = second;

        public float* Weight { get; } = weight;
    }
}
