using System.Runtime.Intrinsics;

namespace Harness.Simd;

/// <summary>The 512-bit operations (AVX-512 on x64). .NET exposes no 512-bit gather, so it joins two 256-bit ones.</summary>
internal readonly unsafe struct Vector512Ops : IVectorOps<Vector512<float>, Vector512<int>>
{
    public static int Count => Vector512<float>.Count;

    public static Vector512<float> Load(ref float source, nuint offset) => Vector512.LoadUnsafe(ref source, offset);

    public static Vector512<int> Load(ref int source, nuint offset) => Vector512.LoadUnsafe(ref source, offset);

    public static void Store(Vector512<float> value, ref float destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

    public static void Store(Vector512<int> value, ref int destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

    public static Vector512<float> Create(float value) => Vector512.Create(value);

    public static Vector512<int> Create(int value) => Vector512.Create(value);

    public static Vector512<float> Add(Vector512<float> left, Vector512<float> right) => left + right;

    public static Vector512<float> Subtract(Vector512<float> left, Vector512<float> right) => left - right;

    public static Vector512<float> Multiply(Vector512<float> left, Vector512<float> right) => left * right;

    public static Vector512<float> Divide(Vector512<float> left, Vector512<float> right) => left / right;

    public static Vector512<float> Min(Vector512<float> left, Vector512<float> right) => Vector512.Min(left, right);

    public static Vector512<float> Max(Vector512<float> left, Vector512<float> right) => Vector512.Max(left, right);

    public static Vector512<int> GreaterThan(Vector512<float> left, Vector512<float> right) => Vector512.GreaterThan(left, right).AsInt32();

    public static Vector512<int> Equal(Vector512<int> left, Vector512<int> right) => Vector512.Equals(left, right);

    public static Vector512<int> And(Vector512<int> left, Vector512<int> right) => left & right;

    public static Vector512<int> Or(Vector512<int> left, Vector512<int> right) => left | right;

    public static Vector512<float> Select(Vector512<int> mask, Vector512<float> ifTrue, Vector512<float> ifFalse) =>
        Vector512.ConditionalSelect(mask.AsSingle(), ifTrue, ifFalse);

    public static Vector512<int> Select(Vector512<int> mask, Vector512<int> ifTrue, Vector512<int> ifFalse) =>
        Vector512.ConditionalSelect(mask, ifTrue, ifFalse);

    public static ulong MostSignificantBits(Vector512<int> mask) => mask.ExtractMostSignificantBits();

    public static float GetElement(Vector512<float> vector, int lane) => vector.GetElement(lane);

    public static int GetElement(Vector512<int> vector, int lane) => vector.GetElement(lane);

    public static (Vector512<float>, Vector512<float>, Vector512<float>, Vector512<float>) LoadWidened(ref byte source, nuint offset)
    {
        var (low, high) = Vector512.Widen(Vector512.LoadUnsafe(ref source, offset));
        var (q0, q1) = Vector512.Widen(low);
        var (q2, q3) = Vector512.Widen(high);
        return (
            Vector512.ConvertToSingle(q0.AsInt32()),
            Vector512.ConvertToSingle(q1.AsInt32()),
            Vector512.ConvertToSingle(q2.AsInt32()),
            Vector512.ConvertToSingle(q3.AsInt32()));
    }

    public static Vector512<float> Gather(float* source, int* indices) =>
        Vector512.Create(Vector256Ops.Gather(source, indices), Vector256Ops.Gather(source, indices + 8));
}
