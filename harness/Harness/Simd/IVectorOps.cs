namespace Harness.Simd;

/// <summary>
/// The vector operations the kernels need, at one width. A kernel is written once, generic over this interface, and
/// instantiated with <see cref="Vector128Ops"/>, <see cref="Vector256Ops"/> or <see cref="Vector512Ops"/> (the way
/// TensorPrimitives' operator structs work): the JIT specialises each instantiation and inlines every call, so the
/// generic body compiles to the same code as one written against that width by hand.
/// </summary>
/// <typeparam name="TFloat">The float vector of this width.</typeparam>
/// <typeparam name="TInt">The int vector of the same width; comparisons return their masks as it.</typeparam>
internal unsafe interface IVectorOps<TFloat, TInt>
    where TFloat : struct
    where TInt : struct
{
    /// <summary>Lanes per vector (floats or ints).</summary>
    static abstract int Count { get; }

    static abstract TFloat Load(ref float source, nuint offset);

    static abstract TInt Load(ref int source, nuint offset);

    static abstract void Store(TFloat value, ref float destination, nuint offset);

    static abstract void Store(TInt value, ref int destination, nuint offset);

    static abstract TFloat Create(float value);

    static abstract TInt Create(int value);

    static abstract TFloat Add(TFloat left, TFloat right);

    static abstract TFloat Subtract(TFloat left, TFloat right);

    static abstract TFloat Multiply(TFloat left, TFloat right);

    static abstract TFloat Divide(TFloat left, TFloat right);

    static abstract TFloat Min(TFloat left, TFloat right);

    static abstract TFloat Max(TFloat left, TFloat right);

    /// <summary>All bits set in the lanes where <c>left &gt; right</c> (false for NaN, as in scalar code).</summary>
    static abstract TInt GreaterThan(TFloat left, TFloat right);

    static abstract TInt Equal(TInt left, TInt right);

    static abstract TInt And(TInt left, TInt right);

    static abstract TInt Or(TInt left, TInt right);

    /// <summary>Lanes of <paramref name="ifTrue"/> where <paramref name="mask"/> is set, else of <paramref name="ifFalse"/>.</summary>
    static abstract TFloat Select(TInt mask, TFloat ifTrue, TFloat ifFalse);

    static abstract TInt Select(TInt mask, TInt ifTrue, TInt ifFalse);

    /// <summary>Bit j set when lane j of <paramref name="mask"/> is set.</summary>
    static abstract ulong MostSignificantBits(TInt mask);

    static abstract float GetElement(TFloat vector, int lane);

    static abstract int GetElement(TInt vector, int lane);

    /// <summary><c>4 * Count</c> bytes from <paramref name="source"/> as floats, in order, four vectors.</summary>
    static abstract (TFloat, TFloat, TFloat, TFloat) LoadWidened(ref byte source, nuint offset);

    /// <summary><c>source[indices[lane]]</c> for each lane; <paramref name="source"/> and <paramref name="indices"/> are pinned.</summary>
    static abstract TFloat Gather(float* source, int* indices);
}
