using System.Runtime.Intrinsics;

namespace Harness.Simd;

/// <summary>
/// The vector width, in bits, of the paths the hand-written kernels take. By default the widest the hardware
/// accelerates, which follows the runtime's switches (<c>DOTNET_EnableAVX512F=0</c> gives 256 on an AVX-512 machine,
/// <c>DOTNET_EnableAVX2=0</c> gives 128, as on ARM64 or SSE-only x64). Tests force a narrower width on their own thread
/// so that every path is compared with the scalar reference on one machine, in one process.
/// </summary>
internal static class VectorWidth
{
    [ThreadStatic]
    private static int? forced;

    /// <summary>The widest width the hardware accelerates: 512, 256, 128, or 0 when nothing is (scalar only).</summary>
    public static int Hardware { get; } =
        Vector512.IsHardwareAccelerated ? 512
        : Vector256.IsHardwareAccelerated ? 256
        : Vector128.IsHardwareAccelerated ? 128
        : 0;

    /// <summary>The width this thread's kernels take: <see cref="Hardware"/> unless a test forced another.</summary>
    public static int Current => forced ?? Hardware;

    /// <summary>Every width this machine can run, scalar (0) first.</summary>
    public static IReadOnlyList<int> Supported { get; } = new[] { 0, 128, 256, 512 }.Where(bits => bits <= Hardware).ToArray();

    /// <summary>
    /// Makes this thread's kernels take <paramref name="bits"/> (0 = the scalar reference) until the result is disposed.
    /// Only widths the hardware accelerates are accepted: a wider one would run emulated, which tests nothing real.
    /// The scope is a struct so that a benchmark can force a width per call without allocating.
    /// </summary>
    public static Scope Force(int bits)
    {
        if (!Supported.Contains(bits))
        {
            throw new ArgumentOutOfRangeException(
                nameof(bits), bits, $"This machine runs vector widths {string.Join(", ", Supported)} bits only.");
        }

        var scope = new Scope(forced);
        forced = bits;
        return scope;
    }

    /// <summary>Restores the width this thread took before <see cref="Force"/>.</summary>
    public readonly struct Scope(int? previous) : IDisposable
    {
        public void Dispose() => forced = previous;
    }
}
