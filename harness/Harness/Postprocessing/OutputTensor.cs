namespace Harness.Postprocessing;

/// <summary>A model output as the runtime hands it over: row-major floats and their shape.</summary>
internal readonly ref struct OutputTensor(ReadOnlySpan<float> data, ReadOnlySpan<long> shape)
{
    public ReadOnlySpan<float> Data { get; } = data;

    public ReadOnlySpan<long> Shape { get; } = shape;

    internal string ShapeText => "[" + string.Join(", ", Shape.ToArray()) + "]";
}
