using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Harness.Simd;

/// <summary>The 256-bit operations (AVX2 on x64). The gather uses AVX2's instruction; without it, two 128-bit gathers.</summary>
internal readonly unsafe struct Vector256Ops : IVectorOps<Vector256<float>, Vector256<int>>, IDoubleVectorOps<Vector256<double>>
{
    public static int Count => Vector256<float>.Count;

    public static Vector256<float> Load(ref float source, nuint offset) => Vector256.LoadUnsafe(ref source, offset);

    public static Vector256<int> Load(ref int source, nuint offset) => Vector256.LoadUnsafe(ref source, offset);

    public static void Store(Vector256<float> value, ref float destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

    public static void Store(Vector256<int> value, ref int destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

    public static Vector256<float> Create(float value) => Vector256.Create(value);

    public static Vector256<int> Create(int value) => Vector256.Create(value);

    public static Vector256<float> Add(Vector256<float> left, Vector256<float> right) => left + right;

    public static Vector256<float> Subtract(Vector256<float> left, Vector256<float> right) => left - right;

    public static Vector256<float> Multiply(Vector256<float> left, Vector256<float> right) => left * right;

    public static Vector256<float> Divide(Vector256<float> left, Vector256<float> right) => left / right;

    public static Vector256<float> Min(Vector256<float> left, Vector256<float> right) => Vector256.Min(left, right);

    public static Vector256<float> Max(Vector256<float> left, Vector256<float> right) => Vector256.Max(left, right);

    public static Vector256<int> GreaterThan(Vector256<float> left, Vector256<float> right) => Vector256.GreaterThan(left, right).AsInt32();

    public static Vector256<int> Equal(Vector256<int> left, Vector256<int> right) => Vector256.Equals(left, right);

    public static Vector256<int> And(Vector256<int> left, Vector256<int> right) => left & right;

    public static Vector256<int> Or(Vector256<int> left, Vector256<int> right) => left | right;

    public static Vector256<float> Select(Vector256<int> mask, Vector256<float> ifTrue, Vector256<float> ifFalse) =>
        Vector256.ConditionalSelect(mask.AsSingle(), ifTrue, ifFalse);

    public static Vector256<int> Select(Vector256<int> mask, Vector256<int> ifTrue, Vector256<int> ifFalse) =>
        Vector256.ConditionalSelect(mask, ifTrue, ifFalse);

    public static ulong MostSignificantBits(Vector256<int> mask) => mask.ExtractMostSignificantBits();

    public static float GetElement(Vector256<float> vector, int lane) => vector.GetElement(lane);

    public static int GetElement(Vector256<int> vector, int lane) => vector.GetElement(lane);

    public static (Vector256<float>, Vector256<float>, Vector256<float>, Vector256<float>) LoadWidened(ref byte source, nuint offset)
    {
        var (low, high) = Vector256.Widen(Vector256.LoadUnsafe(ref source, offset));
        var (q0, q1) = Vector256.Widen(low);
        var (q2, q3) = Vector256.Widen(high);
        return (
            Vector256.ConvertToSingle(q0.AsInt32()),
            Vector256.ConvertToSingle(q1.AsInt32()),
            Vector256.ConvertToSingle(q2.AsInt32()),
            Vector256.ConvertToSingle(q3.AsInt32()));
    }

    public static Vector256<float> Gather(float* source, int* indices) =>
        Avx2.IsSupported
            ? Avx2.GatherVector256(source, Vector256.Load(indices), sizeof(float))
            : Vector256.Create(Vector128Ops.Gather(source, indices), Vector128Ops.Gather(source, indices + 4));

    static int IDoubleVectorOps<Vector256<double>>.Count => Vector256<double>.Count;

    public static Vector256<double> AllBitsSet => Vector256<double>.AllBitsSet;

    public static Vector256<double> Load(ref double source, nuint offset) => Vector256.LoadUnsafe(ref source, offset);

    public static void Store(Vector256<double> value, ref double destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

    public static Vector256<double> Create(double value) => Vector256.Create(value);

    public static Vector256<double> Add(Vector256<double> left, Vector256<double> right) => left + right;

    public static Vector256<double> Subtract(Vector256<double> left, Vector256<double> right) => left - right;

    public static Vector256<double> Multiply(Vector256<double> left, Vector256<double> right) => left * right;

    public static Vector256<double> Divide(Vector256<double> left, Vector256<double> right) => left / right;

    public static Vector256<double> Min(Vector256<double> left, Vector256<double> right) => Vector256.Min(left, right);

    public static Vector256<double> Max(Vector256<double> left, Vector256<double> right) => Vector256.Max(left, right);

    public static Vector256<double> GreaterThan(Vector256<double> left, Vector256<double> right) => Vector256.GreaterThan(left, right);

    public static Vector256<double> And(Vector256<double> left, Vector256<double> right) => left & right;

    public static Vector256<double> Select(Vector256<double> mask, Vector256<double> ifTrue, Vector256<double> ifFalse) => Vector256.ConditionalSelect(mask, ifTrue, ifFalse);
}
