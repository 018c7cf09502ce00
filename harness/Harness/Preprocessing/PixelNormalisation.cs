using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Harness.Simd;

namespace Harness.Preprocessing;

/// <summary>
/// An 8-bit value normalised as the exporters' reference code does it in float32: <c>x / 255</c> (a division, as
/// Ultralytics' <c>im /= 255</c> and torchvision's <c>ToTensor</c> compute it, not a multiplication by a rounded
/// 1/255) then <c>(x - mean) / std</c>. A <c>scale</c> whose reciprocal is a whole number divides by that number; any
/// other scale multiplies. The vector paths evaluate the same IEEE operations in the same order, so every width gives
/// the scalar value bit for bit.
/// </summary>
internal readonly record struct PixelNormalisation(float Scale, float Mean, float Std)
{
    /// <summary>The divisor <see cref="Scale"/> stands for (255 for 1/255), or 0 when it is no whole number's reciprocal.</summary>
    public float Divisor { get; } = DivisorOf(Scale);

    public static float DivisorOf(float scale)
    {
        var reciprocal = 1.0 / scale;
        var whole = Math.Round(reciprocal);
        return whole >= 2 && Math.Abs(reciprocal - whole) <= 1e-5 * whole ? (float)whole : 0f;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Normalise(float value)
    {
        var scaled = Scale == 1f ? value : Divisor > 0f ? value / Divisor : value * Scale;
        return (scaled - Mean) / Std;
    }

    /// <summary>Every value of <paramref name="values"/> (0-255) normalised into <paramref name="destination"/>.</summary>
    public void Write(ReadOnlySpan<int> values, Span<float> destination)
    {
        var length = destination.Length;
        ref var v = ref MemoryMarshal.GetReference(values);
        ref var d = ref MemoryMarshal.GetReference(destination);
        var width = VectorWidth.Current;
        var i = 0;
        var (divide, multiply) = (Scale != 1f && Divisor > 0f, Scale != 1f && Divisor == 0f);
        if (width >= 512)
        {
            for (; i <= length - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var x = Vector512.ConvertToSingle(Vector512.LoadUnsafe(ref v, (nuint)i));
                x = divide ? x / Vector512.Create(Divisor) : multiply ? x * Vector512.Create(Scale) : x;
                ((x - Vector512.Create(Mean)) / Vector512.Create(Std)).StoreUnsafe(ref d, (nuint)i);
            }
        }

        if (width >= 256)
        {
            for (; i <= length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var x = Vector256.ConvertToSingle(Vector256.LoadUnsafe(ref v, (nuint)i));
                x = divide ? x / Vector256.Create(Divisor) : multiply ? x * Vector256.Create(Scale) : x;
                ((x - Vector256.Create(Mean)) / Vector256.Create(Std)).StoreUnsafe(ref d, (nuint)i);
            }
        }

        if (width >= 128)
        {
            for (; i <= length - Vector128<float>.Count; i += Vector128<float>.Count)
            {
                var x = Vector128.ConvertToSingle(Vector128.LoadUnsafe(ref v, (nuint)i));
                x = divide ? x / Vector128.Create(Divisor) : multiply ? x * Vector128.Create(Scale) : x;
                ((x - Vector128.Create(Mean)) / Vector128.Create(Std)).StoreUnsafe(ref d, (nuint)i);
            }
        }

        for (; i < length; i++)
        {
            Unsafe.Add(ref d, i) = Normalise(Unsafe.Add(ref v, i));
        }
    }
}
