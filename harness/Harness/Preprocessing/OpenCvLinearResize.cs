using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Harness.Simd;

namespace Harness.Preprocessing;

/// <summary>
/// OpenCV's <c>cv::resize</c> with <c>INTER_LINEAR</c> on an 8-bit, 3-channel image, bit for bit as OpenCV 4.x
/// computes it (imgproc/src/resize.cpp, <c>resizeGeneric_</c> with <c>HResizeLinear</c> and <c>VResizeLinear</c>):
/// <list type="bullet">
/// <item>Taps: <c>f = (float)((d + 0.5) * scale - 0.5)</c> in double then float, <c>s = floor(f)</c>, the fraction
/// <c>f - s</c> in float; a column before the first or at/after the last source pixel takes that pixel alone. The
/// weights are <c>saturate_cast&lt;short&gt;((1 - f) * 2048)</c> and <c>(f * 2048)</c>: 11 fractional bits
/// (<c>INTER_RESIZE_COEF_BITS</c>), rounded half to even.</item>
/// <item>Horizontal pass, exact in integers: <c>h = s0 * a0 + s1 * a1</c>.</item>
/// <item>Vertical pass: rows clipped to the image (the first and last rows are blended with themselves, with both
/// weights, not given weight 0), then OpenCV's universal-intrinsics rounding (<c>VResizeLinearVec_32s8u</c>):
/// <c>((((h0 &gt;&gt; 4) * b0) &gt;&gt; 16) + (((h1 &gt;&gt; 4) * b1) &gt;&gt; 16) + 2) &gt;&gt; 2</c>, saturated. Its
/// scalar formula, <c>(h0 * b0 + h1 * b1 + 2^21) &gt;&gt; 22</c>, rounds one level higher on some values; OpenCV 4.13's
/// builds (measured against OpenCvSharp's, row tails and rows narrower than a vector included) give every element the
/// vector rounding, and so does this.</item>
/// <item>An exact 2x downscale on both axes is OpenCV's area path instead (<c>resizeAreaFast_</c>):
/// <c>(a + b + c + d + 2) &gt;&gt; 2</c> over each 2x2 block.</item>
/// </list>
/// Output rows are produced one at a time as ints in [0, 255], one plane per source channel (so the normalisation
/// after it reads contiguous values), each source row's horizontal pass computed once. The horizontal pass gathers
/// with AVX2 where the CPU has it, the vertical pass runs at every vector width; both compute the scalar expressions
/// exactly. Allocates nothing per frame; one instance is not safe for concurrent calls.
/// </summary>
internal sealed unsafe class OpenCvLinearResize
{
    /// <summary><c>INTER_RESIZE_COEF_BITS</c>: the weights' fixed-point fraction.</summary>
    public const int CoefficientBits = 11;

    /// <summary>C's <c>DBL_EPSILON</c> (.NET's <c>double.Epsilon</c> is the smallest subnormal instead).</summary>
    private const double DoubleEpsilon = 2.220446049250313e-16;

    private readonly int _sourceWidth;
    private readonly int[] _first;
    private readonly int[] _second;
    private readonly int[] _alpha0;
    private readonly int[] _alpha1;
    private readonly int[] _rowFirst;
    private readonly int[] _rowSecond;
    private readonly int[] _beta0;
    private readonly int[] _beta1;
    private readonly int[] _upper;
    private readonly int[] _lower;
    private int _upperRow = -1;
    private int _lowerRow = -1;

    public OpenCvLinearResize(int sourceWidth, int sourceHeight, int targetWidth, int targetHeight)
    {
        _sourceWidth = sourceWidth;
        TargetWidth = targetWidth;
        TargetHeight = targetHeight;
        var scaleX = 1.0 / ((double)targetWidth / sourceWidth);
        var scaleY = 1.0 / ((double)targetHeight / sourceHeight);
        AreaHalving = IsExactly(scaleX, 2) && IsExactly(scaleY, 2);
        _first = new int[targetWidth];
        _second = new int[targetWidth];
        _alpha0 = new int[targetWidth];
        _alpha1 = new int[targetWidth];
        for (var d = 0; d < targetWidth; d++)
        {
            var (tap, a0, a1) = Tap(d, scaleX, sourceWidth, clampToEdge: true);
            _first[d] = tap * 3;
            _second[d] = Math.Min(tap + 1, sourceWidth - 1) * 3;
            _alpha0[d] = a0;
            _alpha1[d] = a1;
        }

        _rowFirst = new int[targetHeight];
        _rowSecond = new int[targetHeight];
        _beta0 = new int[targetHeight];
        _beta1 = new int[targetHeight];
        for (var d = 0; d < targetHeight; d++)
        {
            var (tap, b0, b1) = Tap(d, scaleY, sourceHeight, clampToEdge: false);
            _rowFirst[d] = Math.Clamp(tap, 0, sourceHeight - 1);
            _rowSecond[d] = Math.Clamp(tap + 1, 0, sourceHeight - 1);
            _beta0[d] = b0;
            _beta1[d] = b1;
        }

        _upper = new int[3 * targetWidth];
        _lower = new int[3 * targetWidth];
    }

    public int TargetWidth { get; }

    public int TargetHeight { get; }

    /// <summary>An exact 2x downscale on both axes, which OpenCV computes with its area path.</summary>
    public bool AreaHalving { get; }

    /// <summary>
    /// The tap of target index <paramref name="d"/> along an axis of <paramref name="sourceLength"/>: the first source
    /// index and the two fixed-point weights. Columns clamp a tap outside the image to its edge pixel with weight
    /// (2048, 0) as <c>resize</c>'s table does; rows keep their index and weights, clipped by the caller as
    /// <c>resizeGeneric_Invoker</c> clips them.
    /// </summary>
    public static (int Tap, int Weight0, int Weight1) Tap(int d, double scale, int sourceLength, bool clampToEdge)
    {
        var f = (float)(((d + 0.5) * scale) - 0.5);
        var s = (int)MathF.Floor(f);
        f -= s;
        if (clampToEdge && s < 0)
        {
            f = 0;
            s = 0;
        }

        if (clampToEdge && s >= sourceLength - 1)
        {
            f = 0;
            s = sourceLength - 1;
        }

        const float One = 1 << CoefficientBits;
        return (s, ToShort((1f - f) * One), ToShort(f * One));
    }

    /// <summary>The vertical pass of one element, with OpenCV's vector rounding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Vertical(int upper, int lower, int beta0, int beta1) =>
        Math.Clamp(((((upper >> 4) * beta0) >> 16) + (((lower >> 4) * beta1) >> 16) + 2) >> 2, 0, 255);

    /// <summary>Forgets the source rows of the previous image: call before the first <see cref="Row"/> of each image.</summary>
    public void BeginImage()
    {
        _upperRow = -1;
        _lowerRow = -1;
    }

    /// <summary>
    /// Output row <paramref name="y"/> of the image in <paramref name="pixels"/> (rows <paramref name="stride"/> bytes
    /// apart, three interleaved channels) as ints in [0, 255]: source channel c at
    /// <c>[c * TargetWidth, (c + 1) * TargetWidth)</c>.
    /// </summary>
    public void Row(ReadOnlySpan<byte> pixels, int stride, int y, Span<int> destination)
    {
        if (AreaHalving)
        {
            HalveRow(pixels.Slice(2 * y * stride, _sourceWidth * 3), pixels.Slice(((2 * y) + 1) * stride, _sourceWidth * 3), destination);
            return;
        }

        var upper = Horizontal(pixels, stride, _rowFirst[y]);
        var lower = Horizontal(pixels, stride, _rowSecond[y]);
        Vertical(upper, lower, _beta0[y], _beta1[y], destination);
    }

    /// <summary>The horizontal pass of source row <paramref name="row"/>, kept while the next output rows need it.</summary>
    private int[] Horizontal(ReadOnlySpan<byte> pixels, int stride, int row)
    {
        if (row == _upperRow)
        {
            return _upper;
        }

        if (row == _lowerRow)
        {
            return _lower;
        }

        // Rows only move down, so the older of the two is the one to replace.
        int[] target;
        if (_upperRow < _lowerRow)
        {
            target = _upper;
            _upperRow = row;
        }
        else
        {
            target = _lower;
            _lowerRow = row;
        }

        // A 32-bit gather of a byte reads three bytes past it: it may run only while those are inside the buffer.
        var readable = pixels.Length - (row * stride);
        var width = TargetWidth;
        var gathered = Avx2.IsSupported && VectorWidth.Current >= 256 ? width : 0;
        while (gathered > 0 && _second[gathered - 1] + 2 + 4 > readable)
        {
            gathered--;
        }

        fixed (byte* source = pixels.Slice(row * stride))
        fixed (int* first = _first)
        fixed (int* second = _second)
        fixed (int* alpha0 = _alpha0)
        fixed (int* alpha1 = _alpha1)
        fixed (int* output = target)
        {
            for (var c = 0; c < 3; c++)
            {
                var channel = source + c;
                var plane = output + (c * width);
                var d = 0;
                if (gathered > 0)
                {
                    d = GatherHorizontal(channel, first, second, alpha0, alpha1, plane, gathered);
                }

                for (; d < width; d++)
                {
                    plane[d] = (channel[first[d]] * alpha0[d]) + (channel[second[d]] * alpha1[d]);
                }
            }
        }

        return target;
    }

    /// <returns>The first column not written: vectors of 8 are taken while they fit in <paramref name="count"/>.</returns>
    private static int GatherHorizontal(byte* channel, int* first, int* second, int* alpha0, int* alpha1, int* plane, int count)
    {
        var mask = Vector256.Create(0xFF);
        var d = 0;
        for (; d <= count - Vector256<int>.Count; d += Vector256<int>.Count)
        {
            var s0 = Avx2.GatherVector256((int*)channel, Avx.LoadVector256(first + d), 1) & mask;
            var s1 = Avx2.GatherVector256((int*)channel, Avx.LoadVector256(second + d), 1) & mask;
            ((s0 * Avx.LoadVector256(alpha0 + d)) + (s1 * Avx.LoadVector256(alpha1 + d))).Store(plane + d);
        }

        return d;
    }

    /// <summary>The vertical pass of a row, vectorised at the widest width <see cref="VectorWidth.Current"/> allows.</summary>
    internal static void Vertical(ReadOnlySpan<int> upper, ReadOnlySpan<int> lower, int beta0, int beta1, Span<int> destination)
    {
        var length = destination.Length;
        var i = 0;
        var width = VectorWidth.Current;
        ref var u = ref MemoryMarshal.GetReference(upper);
        ref var l = ref MemoryMarshal.GetReference(lower);
        ref var d = ref MemoryMarshal.GetReference(destination);
        if (width >= 512)
        {
            var b0 = Vector512.Create(beta0);
            var b1 = Vector512.Create(beta1);
            for (; i <= length - Vector512<int>.Count; i += Vector512<int>.Count)
            {
                var hi = Vector512.ShiftRightArithmetic(Vector512.LoadUnsafe(ref u, (nuint)i), 4) * b0;
                var lo = Vector512.ShiftRightArithmetic(Vector512.LoadUnsafe(ref l, (nuint)i), 4) * b1;
                var sum = Vector512.ShiftRightArithmetic(hi, 16) + Vector512.ShiftRightArithmetic(lo, 16) + Vector512.Create(2);
                Vector512.Clamp(Vector512.ShiftRightArithmetic(sum, 2), Vector512<int>.Zero, Vector512.Create(255)).StoreUnsafe(ref d, (nuint)i);
            }
        }

        if (width >= 256)
        {
            var b0 = Vector256.Create(beta0);
            var b1 = Vector256.Create(beta1);
            for (; i <= length - Vector256<int>.Count; i += Vector256<int>.Count)
            {
                var hi = Vector256.ShiftRightArithmetic(Vector256.LoadUnsafe(ref u, (nuint)i), 4) * b0;
                var lo = Vector256.ShiftRightArithmetic(Vector256.LoadUnsafe(ref l, (nuint)i), 4) * b1;
                var sum = Vector256.ShiftRightArithmetic(hi, 16) + Vector256.ShiftRightArithmetic(lo, 16) + Vector256.Create(2);
                Vector256.Clamp(Vector256.ShiftRightArithmetic(sum, 2), Vector256<int>.Zero, Vector256.Create(255)).StoreUnsafe(ref d, (nuint)i);
            }
        }

        if (width >= 128)
        {
            var b0 = Vector128.Create(beta0);
            var b1 = Vector128.Create(beta1);
            for (; i <= length - Vector128<int>.Count; i += Vector128<int>.Count)
            {
                var hi = Vector128.ShiftRightArithmetic(Vector128.LoadUnsafe(ref u, (nuint)i), 4) * b0;
                var lo = Vector128.ShiftRightArithmetic(Vector128.LoadUnsafe(ref l, (nuint)i), 4) * b1;
                var sum = Vector128.ShiftRightArithmetic(hi, 16) + Vector128.ShiftRightArithmetic(lo, 16) + Vector128.Create(2);
                Vector128.Clamp(Vector128.ShiftRightArithmetic(sum, 2), Vector128<int>.Zero, Vector128.Create(255)).StoreUnsafe(ref d, (nuint)i);
            }
        }

        for (; i < length; i++)
        {
            Unsafe.Add(ref d, i) = Vertical(Unsafe.Add(ref u, i), Unsafe.Add(ref l, i), beta0, beta1);
        }
    }

    /// <summary>The area path of an exact 2x downscale: each 2x2 block's rounded mean, one plane per channel.</summary>
    private void HalveRow(ReadOnlySpan<byte> upper, ReadOnlySpan<byte> lower, Span<int> destination)
    {
        var width = TargetWidth;
        for (var c = 0; c < 3; c++)
        {
            var plane = destination.Slice(c * width, width);
            for (var d = 0; d < plane.Length; d++)
            {
                var at = (d * 6) + c;
                plane[d] = (upper[at] + upper[at + 3] + lower[at] + lower[at + 3] + 2) >> 2;
            }
        }
    }

    /// <summary><c>saturate_cast&lt;short&gt;(float)</c>: rounded half to even (<c>cvRound</c>), then saturated.</summary>
    private static int ToShort(float value) => (int)Math.Clamp(MathF.Round(value, MidpointRounding.ToEven), short.MinValue, short.MaxValue);

    /// <summary>OpenCV's test for an integer scale: within <c>DBL_EPSILON</c> of it.</summary>
    private static bool IsExactly(double scale, int integer) => Math.Abs(scale - integer) < DoubleEpsilon;
}
