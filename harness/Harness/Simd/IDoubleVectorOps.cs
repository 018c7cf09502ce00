namespace Harness.Simd;

/// <summary>
/// The double-precision vector operations the metric kernels need, at one width: the counterpart of
/// <see cref="IVectorOps{TFloat, TInt}"/> for kernels that must match double scalar code bit for bit (COCO IoU).
/// Implemented by <see cref="Vector128Ops"/> and <see cref="Vector256Ops"/>; masks are vectors of the same type, all
/// bits set in a lane that is true.
/// </summary>
/// <typeparam name="TDouble">The double vector of this width.</typeparam>
internal interface IDoubleVectorOps<TDouble>
    where TDouble : struct
{
    /// <summary>Doubles per vector (half the floats of the same width, so not the struct's own <c>Count</c>).</summary>
    static abstract int Count { get; }

    static abstract TDouble AllBitsSet { get; }

    static abstract TDouble Load(ref double source, nuint offset);

    static abstract void Store(TDouble value, ref double destination, nuint offset);

    static abstract TDouble Create(double value);

    static abstract TDouble Add(TDouble left, TDouble right);

    static abstract TDouble Subtract(TDouble left, TDouble right);

    static abstract TDouble Multiply(TDouble left, TDouble right);

    static abstract TDouble Divide(TDouble left, TDouble right);

    static abstract TDouble Min(TDouble left, TDouble right);

    static abstract TDouble Max(TDouble left, TDouble right);

    /// <summary>All bits set in the lanes where <c>left &gt; right</c> (false for NaN, as in scalar code).</summary>
    static abstract TDouble GreaterThan(TDouble left, TDouble right);

    static abstract TDouble And(TDouble left, TDouble right);

    /// <summary>Lanes of <paramref name="ifTrue"/> where <paramref name="mask"/> is set, else of <paramref name="ifFalse"/>.</summary>
    static abstract TDouble Select(TDouble mask, TDouble ifTrue, TDouble ifFalse);
}
