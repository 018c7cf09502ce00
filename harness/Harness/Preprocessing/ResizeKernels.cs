using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Harness.Preprocessing;

/// <summary>
/// The two passes of the separable bilinear resize. The vertical pass blends two interleaved source rows into one
/// float row (contiguous, so it vectorises without shuffles); the horizontal pass gathers each output plane from it.
/// Every SIMD path computes the same expression as its scalar tail, so results do not depend on the vector width.
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
        if (weight == 0f)
        {
            Widen(top[..length], destination);
            return;
        }

        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var w = Vector512.Create(weight);
            for (; i <= length - Vector512<byte>.Count; i += Vector512<byte>.Count)
            {
                var (t0, t1, t2, t3) = Widen(Vector512.LoadUnsafe(ref t, (nuint)i));
                var (b0, b1, b2, b3) = Widen(Vector512.LoadUnsafe(ref b, (nuint)i));
                var at = (nuint)i;
                (t0 + ((b0 - t0) * w)).StoreUnsafe(ref d, at);
                (t1 + ((b1 - t1) * w)).StoreUnsafe(ref d, at + 16);
                (t2 + ((b2 - t2) * w)).StoreUnsafe(ref d, at + 32);
                (t3 + ((b3 - t3) * w)).StoreUnsafe(ref d, at + 48);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            var w = Vector256.Create(weight);
            for (; i <= length - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                var (t0, t1, t2, t3) = Widen(Vector256.LoadUnsafe(ref t, (nuint)i));
                var (b0, b1, b2, b3) = Widen(Vector256.LoadUnsafe(ref b, (nuint)i));
                var at = (nuint)i;
                (t0 + ((b0 - t0) * w)).StoreUnsafe(ref d, at);
                (t1 + ((b1 - t1) * w)).StoreUnsafe(ref d, at + 8);
                (t2 + ((b2 - t2) * w)).StoreUnsafe(ref d, at + 16);
                (t3 + ((b3 - t3) * w)).StoreUnsafe(ref d, at + 24);
            }
        }

        for (; i < length; i++)
        {
            float top0 = Unsafe.Add(ref t, i);
            float bottom0 = Unsafe.Add(ref b, i);
            Unsafe.Add(ref d, i) = top0 + ((bottom0 - top0) * weight);
        }
    }

    /// <summary><c>destination[i] = source[i]</c>: the blend when the sample row sits exactly on a source row.</summary>
    private static void Widen(ReadOnlySpan<byte> source, Span<float> destination)
    {
        ref var s = ref MemoryMarshal.GetReference(source);
        ref var d = ref MemoryMarshal.GetReference(destination);
        var length = destination.Length;
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= length - Vector512<byte>.Count; i += Vector512<byte>.Count)
            {
                var (v0, v1, v2, v3) = Widen(Vector512.LoadUnsafe(ref s, (nuint)i));
                var at = (nuint)i;
                v0.StoreUnsafe(ref d, at);
                v1.StoreUnsafe(ref d, at + 16);
                v2.StoreUnsafe(ref d, at + 32);
                v3.StoreUnsafe(ref d, at + 48);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= length - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                var (v0, v1, v2, v3) = Widen(Vector256.LoadUnsafe(ref s, (nuint)i));
                var at = (nuint)i;
                v0.StoreUnsafe(ref d, at);
                v1.StoreUnsafe(ref d, at + 8);
                v2.StoreUnsafe(ref d, at + 16);
                v3.StoreUnsafe(ref d, at + 24);
            }
        }

        for (; i < length; i++)
        {
            Unsafe.Add(ref d, i) = Unsafe.Add(ref s, i);
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
            var d = 0;
            if (Avx2.IsSupported && columns.OnPixelCentres)
            {
                var g = Vector256.Create(gain);
                var o = Vector256.Create(offset);
                for (; d <= length - Vector256<float>.Count; d += Vector256<float>.Count)
                {
                    var value = Avx2.GatherVector256(source, Vector256.Load(first + d), 4);
                    ((value * g) + o).Store(output + d);
                }
            }
            else if (Avx2.IsSupported)
            {
                var g = Vector256.Create(gain);
                var o = Vector256.Create(offset);
                for (; d <= length - Vector256<float>.Count; d += Vector256<float>.Count)
                {
                    var a = Avx2.GatherVector256(source, Vector256.Load(first + d), 4);
                    var b = Avx2.GatherVector256(source, Vector256.Load(second + d), 4);
                    var value = a + ((b - a) * Vector256.Load(weight + d));
                    ((value * g) + o).Store(output + d);
                }
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

    private static (Vector512<float>, Vector512<float>, Vector512<float>, Vector512<float>) Widen(Vector512<byte> bytes)
    {
        var (low, high) = Vector512.Widen(bytes);
        var (q0, q1) = Vector512.Widen(low);
        var (q2, q3) = Vector512.Widen(high);
        return (
            Vector512.ConvertToSingle(q0.AsInt32()),
            Vector512.ConvertToSingle(q1.AsInt32()),
            Vector512.ConvertToSingle(q2.AsInt32()),
            Vector512.ConvertToSingle(q3.AsInt32()));
    }

    private static (Vector256<float>, Vector256<float>, Vector256<float>, Vector256<float>) Widen(Vector256<byte> bytes)
    {
        var (low, high) = Vector256.Widen(bytes);
        var (q0, q1) = Vector256.Widen(low);
        var (q2, q3) = Vector256.Widen(high);
        return (
            Vector256.ConvertToSingle(q0.AsInt32()),
            Vector256.ConvertToSingle(q1.AsInt32()),
            Vector256.ConvertToSingle(q2.AsInt32()),
            Vector256.ConvertToSingle(q3.AsInt32()));
    }
}
