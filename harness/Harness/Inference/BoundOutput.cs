using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Harness.Inference;

/// <summary>One model output: a managed buffer ONNX Runtime writes into directly, and the OrtValue pinning it.</summary>
internal sealed class BoundOutput : IDisposable
{
    private BoundOutput(string name, long[] shape, Array buffer, OrtValue value)
    {
        Name = name;
        Shape = shape;
        Buffer = buffer;
        Value = value;
    }

    public string Name { get; }

    public long[] Shape { get; }

    public Array Buffer { get; }

    public OrtValue Value { get; }

    public static BoundOutput Create(string model, string name, TensorElementType type, long[] shape)
    {
        var length = checked((int)shape.Aggregate(1L, (product, dim) => product * dim));
        return type switch
        {
            TensorElementType.Float => Create(name, shape, new float[length]),
            TensorElementType.Float16 => Create(name, shape, new Float16[length]),
            TensorElementType.Int64 => Create(name, shape, new long[length]),
            TensorElementType.Int32 => Create(name, shape, new int[length]),
            _ => throw new DetectorModelException($"Model '{model}' output '{name}' has element type {type}; only float, float16, int64 and int32 outputs are supported."),
        };
    }

    public void Dispose() => Value.Dispose();

    private static BoundOutput Create<T>(string name, long[] shape, T[] buffer)
        where T : unmanaged => new(name, shape, buffer, OrtValue.CreateTensorValueFromMemory(buffer, shape));
}
