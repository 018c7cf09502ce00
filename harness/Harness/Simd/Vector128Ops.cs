using System.Runtime.Intrinsics;

namespace Harness.Simd;

/// <summary>
/// The 128-bit operations: SSE on x64, AdvSimd on ARM64. The gather has no portable instruction, so it loads lane by lane.
/// </summary>
internal readonly unsafe struct Vector128Ops : IVectorOps<Vector128<float>, Vector128<int>>, IDoubleVectorOps<Vector128<double>>
{
    public static int Count => Vector128<float>.Count;

    public static Vector128<float> Load(ref float source, nuint offset) => Vector128.LoadUnsafe(ref source, offset);

    public static Vector128<int> Load(ref int source, nuint offset) => Vector128.LoadUnsafe(ref source, offset);

    public static void Store(Vector128<float> value, ref float destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

    public static void Store(Vector128<int> value, ref int destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

    public static Vector128<float> Create(float value) => Vector128.Create(value);

    public static Vector128<int> Create(int value) => Vector128.Create(value);

    public static Vector128<float> Add(Vector128<float> left, Vector128<float> right) => left + right;

    public static Vector128<float> Subtract(Vector128<float> left, Vector128<float> right) => left - right;

    public static Vector128<float> Multiply(Vector128<float> left, Vector128<float> right) => left * right;

    public static Vector128<float> Divide(Vector128<float> left, Vector128<float> right) => left / right;

    public static Vector128<float> Min(Vector128<float> left, Vector128<float> right) => Vector128.Min(left, right);

    public static Vector128<float> Max(Vector128<float> left, Vector128<float> right) => Vector128.Max(left, right);

    public static Vector128<int> GreaterThan(Vector128<float> left, Vector128<float> right) => Vector128.GreaterThan(left, right).AsInt32();

    public static Vector128<int> Equal(Vector128<int> left, Vector128<int> right) => Vector128.Equals(left, right);

    public static Vector128<int> And(Vector128<int> left, Vector128<int> right) => left & right;

    public static Vector128<int> Or(Vector128<int> left, Vector128<int> right) => left | right;

    public static Vector128<float> Select(Vector128<int> mask, Vector128<float> ifTrue, Vector128<float> ifFalse) =>
        Vector128.ConditionalSelect(mask.AsSingle(), ifTrue, ifFalse);

    public static Vector128<int> Select(Vector128<int> mask, Vector128<int> ifTrue, Vector128<int> ifFalse) =>
        Vector128.ConditionalSelect(mask, ifTrue, ifFalse);

    public static ulong MostSignificantBits(Vector128<int> mask) => mask.ExtractMostSignificantBits();

    public static float GetElement(Vector128<float> vector, int lane) => vector.GetElement(lane);

    public static int GetElement(Vector128<int> vector, int lane) => vector.GetElement(lane);

    public static (Vector128<float>, Vector128<float>, Vector128<float>, Vector128<float>) LoadWidened(ref byte source, nuint offset)
    {
        var (low, high) = Vector128.Widen(Vector128.LoadUnsafe(ref source, offset));
        var (q0, q1) = Vector128.Widen(low);
        var (q2, q3) = Vector128.Widen(high);
        return (
            Vector128.ConvertToSingle(q0.AsInt32()),
            Vector128.ConvertToSingle(q1.AsInt32()),
            Vector128.ConvertToSingle(q2.AsInt32()),
            Vector128.ConvertToSingle(q3.AsInt32()));
    }

    public static Vector128<float> Gather(float* source, int* indices) =>
        Vector128.Create(source[indices[0]], source[indices[1]], source[indices[2]], source[indices[3]]);

    static int IDoubleVectorOps<Vector128<double>>.Count => Vector128<double>.Count;

    public static Vector128<double> AllBitsSet => Vector128<double>.AllBitsSet;

    public static Vector128<double> Load(ref double source, nuint offset) => Vector128.LoadUnsafe(ref source, offset);

    public static void Store(Vector128<double> value, ref double destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

    public static Vector128<double> Create(double value) => Vector128.Create(value);

    public static Vector128<double> Add(Vector128<double> left, Vector128<double> right) => left + right;

    public static Vector128<double> Subtract(Vector128<double> left, Vector128<double> right) => left - right;

    public static Vector128<double> Multiply(Vector128<double> left, Vector128<double> right) => left * right;

    public static Vector128<double> Divide(Vector128<double> left, Vector128<double> right) => left / right;

    public static Vector128<double> Min(Vector128<double> left, Vector128<double> right) => Vector128.Min(left, right);

    public static Vector128<double> Max(Vector128<double> left, Vector128<double> right) => Vector128.Max(left, right);

    public static Vector128<double> GreaterThan(Vector128<double> left, Vector128<double> right) => Vector128.GreaterThan(left, right);

    public static Vector128<double> And(Vector128<double> left, Vector128<double> right) => left & right;

    public static Vector128<double> Select(Vector128<double> mask, Vector128<double> ifTrue, Vector128<double> ifFalse) => Vector128.ConditionalSelect(mask, ifTrue, ifFalse);
}
